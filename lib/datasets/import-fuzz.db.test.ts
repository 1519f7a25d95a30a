/*
 * The import job under hostile files (lib/datasets/parse/hostile-files.ts), on a real database
 * and worker: each ends with a published dataset and its counts, or a failed one with a clear
 * reason, and the worker lives on. The reader alone: lib/datasets/parse/read-bars.hostile.test.ts.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "../jobs";
import { createTestQueue, waitFor } from "../jobs/test-support";
import { registerHandlers } from "../queue/register-handlers";
import { countStoredBars } from "./bars";
import { createDataset } from "./create-dataset";
import { hostileFile } from "./parse/hostile-files";
import { sampleFilePath } from "./sample-datasets";

describe("the import job on hostile files", () => {
  let database: TestDatabase;
  let queue: JobQueue;
  let dir: string;
  let ownerId: string;

  beforeAll(async () => {
    ({ database, queue } = await createTestQueue());
    registerHandlers(queue, database.config);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-import-fuzz-"));
    ownerId = (await database.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, passwordHash: "x" } })).id;
    await queue.startWorker({ concurrency: 2 });
  });
  afterAll(async () => {
    await queue.close({ graceMs: 0 });
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function importFile(bytes: Buffer, symbol?: string) {
    const storedPath = path.join(dir, `${crypto.randomUUID()}.upload`);
    fs.writeFileSync(storedPath, bytes);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const { datasetId, jobId } = await createDataset(database.db, queue, { ownerId, upload: { storedPath, fileName: "fuzz.csv", size: bytes.length, sha256 }, symbol });
    const job = await waitFor("the import to end", async () => {
      const j = await queue.get(jobId);
      return j && ["succeeded", "failed"].includes(j.status) ? j : null;
    }, 30_000);
    const dataset = (await database.db.dataset.findUnique({ where: { id: datasetId } }))!;
    return { job, dataset };
  }

  it("ends every damaged file with a published dataset and its counts, or a failed one with a clear reason", async () => {
    const files = fc.sample(hostileFile, { numRuns: 12, seed: 8 });
    const outcomes = await Promise.all(files.map((bytes, i) => importFile(bytes, i % 2 ? "FUZZ" : undefined)));
    for (const { job, dataset } of outcomes) {
      if (job.status === "succeeded") {
        expect(dataset.status).toBe("ready");
        const report = dataset.report as { rowsRead: number; imported: number; rejected: number };
        expect(report.imported + report.rejected).toBe(report.rowsRead);
        expect(dataset.rowCount).toBe(report.imported);
        expect(await countStoredBars(database.db, dataset.id)).toBe(report.imported);
      } else {
        expect(dataset.status).toBe("failed");
        expect(dataset.errorMessage).toMatch(/\w{3,}/);
        expect(dataset.errorMessage).not.toMatch(/\n\s+at /);
        // A bad file is the file's fault: failed for good at once, not retried.
        expect(job.attempts).toBe(1);
        expect(await countStoredBars(database.db, dataset.id)).toBe(0);
      }
    }
    // Some of each, or the generator is not testing much.
    expect(new Set(outcomes.map((o) => o.job.status))).toEqual(new Set(["succeeded", "failed"]));

    // The worker is still there and imports a good file.
    const good = await importFile(Buffer.from(fs.readFileSync(sampleFilePath("sp500-2000.csv"), "utf8").split("\n").slice(0, 50).join("\n")), "SPX");
    expect(good.dataset.errorMessage).toBeNull();
    expect(good.job.status).toBe("succeeded");
    expect(good.dataset.rowCount).toBe(49);
  }, 60_000);
});
