import type { DatabaseConfig } from "../db/config";
import { ANALYSIS, runAnalysisJob, type AnalysisPayload } from "../analysis/analysis-job";
import { DATASET_IMPORT, importDataset, type ImportPayload } from "../datasets/import-dataset";
import type { JobQueue } from "../jobs";
import { registerTestKinds } from "./test-kinds/register-test-kinds";

/** Every kind of job Tandem runs. Each feature adds its handler here. */
export function registerHandlers(queue: JobQueue, config: DatabaseConfig): void {
  // Imports are I/O- and write-heavy: two at a time per process leave room for analyses.
  queue.define<ImportPayload>(DATASET_IMPORT, (ctx) => importDataset(ctx, config), { concurrency: 2, timeoutMs: 60 * 60_000, maxAttempts: 3 });
  // CPU-bound stages run in the worker-thread pool; retry once after a crash, not three times.
  queue.define<AnalysisPayload>(ANALYSIS, runAnalysisJob, { timeoutMs: 10 * 60_000, maxAttempts: 2 });
  if (process.env.TANDEM_TEST_JOB_KINDS === "1") registerTestKinds(queue);
}
