/*
 * A worker process running Tandem's own job kinds, for tests that kill it mid-job:
 *
 *   startWorkerProcess({ DATABASE_URL, LEASE_MS: "2000" }, APP_WORKER_ENTRY)
 *
 * Same protocol as lib/jobs/testing/worker-process.ts: prints "READY <workerId>", stops gracefully
 * on SIGTERM, exits when its parent goes away. Like every Tandem worker process it runs the
 * schedule firer too (SCHEDULE_POLL_MS and SCHEDULE_STALE_MS set its poll interval and when it
 * completes open fires).
 */
import { fileURLToPath } from "node:url";
import { createDatabase, parseDatabaseUrl } from "../../db";
import { JobQueue } from "../../jobs";
import { startScheduleFirer } from "../../schedules/schedule-firer";
import { registerHandlers } from "../register-handlers";

export const APP_WORKER_ENTRY = fileURLToPath(import.meta.url);

const num = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

if (process.argv[1] === APP_WORKER_ENTRY) {
  const config = parseDatabaseUrl(process.env.DATABASE_URL);
  const { db } = createDatabase(config);
  const queue =
    config.dialect === "postgres" ? new JobQueue({ db, dialect: "postgres", connectionString: config.url }) : new JobQueue({ db, dialect: "sqlite" });
  registerHandlers(queue, config);
  const worker = await queue.startWorker({
    concurrency: num("WORKER_CONCURRENCY") ?? 3,
    leaseMs: num("LEASE_MS") ?? 30_000,
    pollIntervalMs: num("POLL_MS") ?? 1_000,
  });
  const firer = startScheduleFirer(queue, { pollIntervalMs: num("SCHEDULE_POLL_MS"), staleFireMs: num("SCHEDULE_STALE_MS") });
  let stopping = false;
  process.once("SIGTERM", () => {
    stopping = true;
    void firer
      .stop()
      .then(() => queue.close({ graceMs: num("GRACE_MS") ?? 5_000 }))
      .then(() => db.$disconnect())
      .then(() => process.exit(0));
  });
  process.on("disconnect", () => {
    if (!stopping) process.exit(2);
  });
  process.stdout.write(`READY ${worker.id}\n`);
}
