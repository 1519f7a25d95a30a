/*
 * The CSV importer under hostile files: random bytes and randomly damaged real files (every CSV of
 * the vega-datasets package, market data or not), through the real reader and through the real
 * import job on a real database and worker. Each one ends, in bounded time, with a report: a
 * published dataset with its counts, or a failed one with a clear reason. The worker lives on.
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
import { createDataset } from "./create-dataset";
import { DatasetFormatError, readBars } from "./parse";
import { chunked } from "./parse/test-support";
import { sampleFilePath } from "./sample-datasets";

const VEGA_DIR = path.dirname(sampleFilePath("stocks.csv"));
/** The first 6 KB of every CSV in vega-datasets: prices, weather, flights, zip codes… */
const REAL_FILES = fs
  .readdirSync(VEGA_DIR)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(VEGA_DIR, f)).subarray(0, 6_000) }));

/** A damage to a file: bytes replaced, inserted or deleted, or whole lines dropped, doubled, cut or padded. */
const damage = fc.oneof(
  fc.record({ kind: fc.constantFrom("replace", "insert", "delete"), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constantFrom("drop-line", "double-line", "truncate", "huge-field", "crlf", "semicolons"), at: fc.nat(), bytes: fc.constant(new Uint8Array()) }),
);
type Damage = { kind: string; at: number; bytes: Uint8Array };

function damaged(file: Buffer, damages: Damage[]): Buffer {
  let out = Buffer.from(file);
  for (const { kind, at, bytes } of damages) {
    const i = out.length ? at % out.length : 0;
    const lines = out.toString("latin1").split("\n");
    const line = lines.length ? at % lines.length : 0;
    if (kind === "replace") out = Buffer.concat([out.subarray(0, i), bytes, out.subarray(i + bytes.length)]);
    else if (kind === "insert") out = Buffer.concat([out.subarray(0, i), bytes, out.subarray(i)]);
    else if (kind === "delete") out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1 + (at % 50))]);
    else if (kind === "truncate") out = out.subarray(0, i);
    else {
      if (kind === "drop-line") lines.splice(line, 1);
      if (kind === "double-line") lines.splice(line, 0, lines[line] ?? "");
      if (kind === "huge-field") lines[line] = `${lines[line] ?? ""},${"9".repeat(100_000)}`;
      if (kind === "crlf") lines.forEach((l, n) => (lines[n] = `${l}\r`));
      if (kind === "semicolons") lines[line] = (lines[line] ?? "").replaceAll(",", ";");
      out = Buffer.from(lines.join("\n"), "latin1");
    }
  }
  return out;
}

const hostileFile = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3_000 }).map((b) => Buffer.from(b)) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...REAL_FILES), fc.array(damage, { minLength: 1, maxLength: 6 })).map(([file, d]) => damaged(file.bytes, d)) },
);

/** Fails instead of waiting for ever. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

describe("the CSV reader on hostile files", () => {
  it("reads every real vega-datasets CSV, whole, to a report or a format error", async () => {
    for (const { name } of REAL_FILES) {
      const reader = readBars(fs.createReadStream(path.join(VEGA_DIR, name)), {});
      const outcome = await within(20_000, name, drain(reader).then(() => reader.report, (err: unknown) => ({ err })));
      if ("err" in outcome) expect(outcome.err, name).toBeInstanceOf(DatasetFormatError);
      else expect(outcome.imported + outcome.rejected, name).toBe(outcome.rowsRead);
    }
  });

  it("ends every random or damaged file, in any chunking, with a report or a DatasetFormatError", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fc.integer({ min: 1, max: 4096 }), async (bytes, chunkSize) => {
        const reader = readBars(chunked(bytes, chunkSize), { symbol: "X" });
        try {
          await within(5_000, "reading", drain(reader));
          expect(reader.report.imported + reader.report.rejected).toBe(reader.report.rowsRead);
        } catch (err) {
          if (!(err instanceof DatasetFormatError)) throw err;
          expect(err.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

async function drain(reader: AsyncIterable<unknown>) {
  for await (const batch of reader) void batch;
}

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
        expect(await database.db.priceBar.count({ where: { datasetId: dataset.id } })).toBe(report.imported);
      } else {
        expect(dataset.status).toBe("failed");
        expect(dataset.errorMessage).toMatch(/\w{3,}/);
        expect(dataset.errorMessage).not.toMatch(/\n\s+at /);
        // A bad file is the file's fault: failed for good at once, not retried.
        expect(job.attempts).toBe(1);
        expect(await database.db.priceBar.count({ where: { datasetId: dataset.id } })).toBe(0);
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
