/*
 * Child process of the import comparison: imports one file through Tandem's real path (dataset
 * record + `dataset-import` job on a worker) into a migrated database, and reports wall time and
 * the process's peak RSS.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDatabase, parseDatabaseUrl } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { countStoredBars } from "../../lib/datasets/bars";
import { createDataset } from "../../lib/datasets/create-dataset";
import { JobQueue } from "../../lib/jobs";
import { registerHandlers } from "../../lib/queue/register-handlers";
import { serveChild } from "../support/child-process";

export interface ImportRunInput {
  databaseUrl: string;
  file: string;
}

export interface ImportRunResult {
  rows: number;
  seconds: number;
  peakRssBytes: number;
}

serveChild<ImportRunInput, ImportRunResult>(async ({ databaseUrl, file }) => {
  const config = parseDatabaseUrl(databaseUrl);
  await migrate(config);
  const { db } = createDatabase(config);
  const queue = config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
  registerHandlers(queue, config);
  // The import job deletes its stored file once published: give it a copy.
  const stored = path.join(path.dirname(file), `${crypto.randomUUID()}.upload`);
  fs.copyFileSync(file, stored);
  const size = fs.statSync(stored).size;
  await queue.startWorker({ concurrency: 1 });
  const started = performance.now();
  const { jobId } = await createDataset(db, queue, { ownerId: null, upload: { storedPath: stored, fileName: path.basename(file), size, sha256: "bench" } });
  for (;;) {
    const job = await db.job.findUnique({ where: { id: jobId }, select: { status: true, errorMessage: true } });
    if (job?.status === "succeeded") break;
    if (job?.status === "failed" || job?.status === "cancelled") throw new Error(`import ${job.status}: ${job.errorMessage}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await countStoredBars(db);
  await queue.close({ graceMs: 0 });
  await db.$disconnect();
  return { rows, seconds, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
});
