/*
 * A standalone worker process for the registry's multi-process tests:
 *
 *   node --import tsx lib/jobs/testing/worker-process.ts
 *
 * Configured by env: DATABASE_URL (file:… or postgresql://…), WORKER_CONCURRENCY, LEASE_MS,
 * POLL_MS, RECOVER_MS, GRACE_MS (used on SIGTERM) and POOL_MAX_OLD_MB. Runs the kinds of
 * test-kinds.ts. Prints "READY <workerId>" once the worker is claiming jobs; on SIGTERM stops
 * gracefully (queue.close) and exits 0. When started with an IPC channel (as processes.ts does), it
 * exits as soon as its parent goes away, so a crashed test run leaves no stray workers behind.
 */
import { createDatabase, parseDatabaseUrl } from "../../db";
import { JobQueue } from "../queue";
import { defineTestKinds } from "./test-kinds";

const env = process.env;
const num = (name: string): number | undefined => (env[name] ? Number(env[name]) : undefined);

const config = parseDatabaseUrl(env.DATABASE_URL);
const { db } = createDatabase(config);
const queue =
  config.dialect === "postgres"
    ? new JobQueue({ db, dialect: "postgres", connectionString: config.url })
    : new JobQueue({ db, dialect: "sqlite" });
defineTestKinds(queue);

const maxOldGenerationSizeMb = num("POOL_MAX_OLD_MB");
const worker = await queue.startWorker({
  concurrency: num("WORKER_CONCURRENCY") ?? 3,
  leaseMs: num("LEASE_MS") ?? 30_000,
  pollIntervalMs: num("POLL_MS") ?? 1_000,
  recoverIntervalMs: num("RECOVER_MS"),
  pool: maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : undefined,
});

let stopping = false;
process.once("SIGTERM", () => {
  stopping = true;
  queue
    .close({ graceMs: num("GRACE_MS") ?? 5_000 })
    .then(() => db.$disconnect())
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("worker shutdown failed", err);
        process.exit(1);
      },
    );
});
process.on("disconnect", () => {
  if (!stopping) process.exit(2);
});

process.stdout.write(`READY ${worker.id}\n`);

