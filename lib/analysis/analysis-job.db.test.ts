import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import { createDataset } from "../datasets/create-dataset";
import { sampleFilePath } from "../datasets/sample-datasets";
import type { JobQueue } from "../jobs";
import { createTestQueue, waitFor, waitForStatus } from "../jobs/test-support";
import { registerHandlers } from "../queue/register-handlers";
import { fingerprintSeries } from "./fingerprint";
import { loadSeries } from "./load-series";
import { submitAnalyses } from "./submit-analyses";
import { analysisRequestSchema } from "./analysis-request";
import type { AnalysisResult } from "./types";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;
const user = { id: "", role: "user" };

beforeAll(async () => {
  ({ database, queue } = await createTestQueue());
  registerHandlers(queue, database.config);
  await queue.startWorker({ concurrency: 3 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-analysis-"));
  user.id = (await database.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, passwordHash: "x" } })).id;
  // The shared samples, imported by the real import job.
  for (const [file, symbol] of [["sp500-2000.csv", "SPX"], ["stocks.csv", null]] as const) {
    const bytes = fs.readFileSync(sampleFilePath(file));
    const storedPath = path.join(dir, file);
    fs.writeFileSync(storedPath, bytes);
    const { jobId } = await createDataset(database.db, queue, {
      ownerId: null,
      upload: { storedPath, fileName: file, size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") },
      symbol,
    });
    await waitForStatus(queue, jobId, "succeeded", 60_000);
  }
}, 120_000);
afterAll(async () => {
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const submit = (input: Record<string, unknown>) => submitAnalyses(database.db, queue, user, analysisRequestSchema.parse(input));

describe("analysis jobs", () => {
  it("runs a batch of AAPL, MSFT and SPX at once, each on its own data", async () => {
    const { jobIds, batchId } = await submit({ symbols: ["AAPL", "msft", "SPX"], depth: 1, language: "en" });
    expect(batchId).toBeTruthy();
    await waitFor("3 analyses running together", async () => (await queue.counts()).running === 3, 30_000);
    await Promise.all(jobIds.map((id) => waitForStatus(queue, id, "succeeded", 120_000)));

    for (const [i, symbol] of ["AAPL", "MSFT", "SPX"].entries()) {
      const job = (await queue.get(jobIds[i]!))!;
      const result = job.result as unknown as AnalysisResult;
      const series = (await loadSeries(database.db, user.id, symbol))!;
      expect(result.symbol).toBe(symbol);
      expect(result.fingerprint).toBe(fingerprintSeries(series));
      expect(result.range.bars).toBe(series.close.length);
      expect(["BUY", "HOLD", "SELL"]).toContain(result.decision.action);
      expect(result.report).toContain(symbol);
    }
    // Monthly close-only data for AAPL and MSFT, daily OHLC for SPX; beta against SPX where it is not SPX itself.
    const [aapl, , spx] = await Promise.all(jobIds.map(async (id) => (await queue.get(id))!.result as unknown as AnalysisResult));
    expect(aapl!.interval).toBe("monthly");
    expect(spx!.interval).toBe("daily");
    expect(aapl!.risk?.benchmark?.symbol).toBe("SPX");
    const events = (await queue.get(jobIds[2]!))!.events.filter((e) => e.type === "progress").map((e) => e.message);
    expect(events.join(" ")).toMatch(/Load data/);
  }, 180_000);

  it("refuses symbols without data and batches over 500, naming what is wrong", async () => {
    await expect(submit({ symbols: ["SPX", "NOPE"] })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/NOPE/) });
    expect(() => analysisRequestSchema.parse({ symbols: Array.from({ length: 501 }, (_, i) => `S${i}`) })).toThrow(/at most 500/);
  });

  it("returns the first batch again for the same idempotency key (a double click)", async () => {
    const key = crypto.randomUUID();
    const first = await submit({ symbols: ["IBM"], depth: 1, idempotencyKey: key });
    const second = await submit({ symbols: ["IBM"], depth: 1, idempotencyKey: key });
    expect(second).toMatchObject({ batchId: first.batchId, jobIds: first.jobIds, existing: true });
    await waitForStatus(queue, first.jobIds[0]!, "succeeded", 60_000);
  }, 90_000);

  it("fails for good with a clear message when the date range leaves too little data", async () => {
    const { jobIds } = await submit({ symbols: ["SPX"], from: "2020-01-02", to: "2020-01-10" });
    await waitForStatus(queue, jobIds[0]!, "failed", 30_000);
    const job = (await queue.get(jobIds[0]!))!;
    expect(job.attempts).toBe(1);
    expect(job.errorMessage).toMatch(/Too little data for SPX/);
  });

  it("stops a deep analysis promptly when cancelled", async () => {
    const { jobIds } = await submit({ symbols: ["SPX"], depth: 5 });
    await waitFor("the analysis to be computing", async () => ((await queue.get(jobIds[0]!))?.progress ?? 0) > 5, 60_000);
    await queue.cancel(jobIds[0]!);
    await waitForStatus(queue, jobIds[0]!, "cancelled", 5_000);
  }, 90_000);
});
