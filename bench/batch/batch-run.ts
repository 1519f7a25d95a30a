/*
 * Child process of the batch comparison: a fresh SQLite database with the sample datasets
 * imported by the real import job, then batches of analyses (and of sleeping jobs) timed from
 * enqueue to the last job's end.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analysisRequestSchema } from "../../lib/analysis/analysis-request";
import { submitAnalyses } from "../../lib/analysis/submit-analyses";
import { createDatabase } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { ensureSampleDatasets } from "../../lib/datasets/sample-datasets";
import { JobQueue } from "../../lib/jobs";
import { registerHandlers } from "../../lib/queue/register-handlers";
import { serveChild } from "../support/child-process";

export interface BatchRunInput {
  depth: number;
  sizes: number[];
  sleepMs: number;
  concurrency: number;
}

export interface BatchRunResult {
  analysis: { size: number; seconds: number }[];
  sleeping: { size: number; seconds: number }[];
}

/** Every job analyses the S&P 500's 5,000 daily bars: the same work each, so the ratios compare like with like. */
const SYMBOL = "SPX";

serveChild<BatchRunInput, BatchRunResult>(async ({ depth, sizes, sleepMs, concurrency }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-batch-"));
  process.env.TANDEM_DATA_DIR = dir;
  const config = { dialect: "sqlite" as const, file: path.join(dir, "bench.db") };
  await migrate(config);
  const { db } = createDatabase(config);
  const queue = new JobQueue({ db, dialect: "sqlite" });
  registerHandlers(queue, config);
  queue.define("bench.sleep", async (ctx) => {
    await new Promise((r) => setTimeout(r, sleepMs));
    ctx.signal.throwIfAborted();
  });
  await queue.startWorker({ concurrency });
  await ensureSampleDatasets(db, queue);
  await waitForAll(db, (await db.job.findMany({ select: { id: true } })).map((j) => j.id));
  const user = await db.user.create({ data: { email: `${crypto.randomUUID()}@bench`, passwordHash: "x" } });

  const analysis: BatchRunResult["analysis"] = [];
  for (const size of sizes) {
    const started = performance.now();
    const symbols = Array.from({ length: size }, () => SYMBOL);
    const { jobIds } = await queue.enqueueMany(
      symbols.map((symbol) => ({ kind: "analysis", name: `Analyse ${symbol}`, payload: { symbol, depth, analysts: ["technical", "risk", "backtest"], language: "en", benchmarkSymbol: "SPX" }, ownerId: user.id })),
      { ownerId: user.id, batchName: `bench ${size}` },
    );
    await waitForAll(db, jobIds);
    analysis.push({ size, seconds: (performance.now() - started) / 1000 });
  }
  // Through the same submission path the API uses, once, to prove it works in the smoke run.
  await submitAnalyses(db, queue, user, analysisRequestSchema.parse({ symbols: ["SPX"], depth: 1 })).then(({ jobIds }) => waitForAll(db, jobIds));

  const sleeping: BatchRunResult["sleeping"] = [];
  for (const size of sizes) {
    const started = performance.now();
    const { jobIds } = await queue.enqueueMany(Array.from({ length: size }, (_, i) => ({ kind: "bench.sleep", name: `sleep ${i}`, payload: {} })));
    await waitForAll(db, jobIds);
    sleeping.push({ size, seconds: (performance.now() - started) / 1000 });
  }
  await queue.close({ graceMs: 0 });
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  return { analysis, sleeping };
});

async function waitForAll(db: ReturnType<typeof createDatabase>["db"], ids: string[]): Promise<void> {
  for (;;) {
    const jobs = await db.job.findMany({ where: { id: { in: ids } }, select: { status: true, errorMessage: true } });
    const failed = jobs.find((j) => j.status === "failed" || j.status === "cancelled");
    if (failed) throw new Error(`a benchmark job ${failed.status}: ${failed.errorMessage}`);
    if (jobs.every((j) => j.status === "succeeded")) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
