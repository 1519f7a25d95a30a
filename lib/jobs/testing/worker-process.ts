/*
 * A standalone worker process for the registry's multi-process tests:
 *
 *   node --import tsx lib/jobs/testing/worker-process.ts
 *
 * Configured by env: DATABASE_URL (file:… or postgresql://…), WORKER_CONCURRENCY, LEASE_MS,
 * POLL_MS, RECOVER_MS, GRACE_MS (used on SIGTERM), POOL_MAX_OLD_MB, and HOLD_STARTED_EVENTS_UNTIL
 * (a file path: inserting "started" job events waits until it exists). Runs the kinds of
 * test-kinds.ts. Prints "READY <workerId>" once the worker is claiming jobs; on SIGTERM stops
 * gracefully (queue.close) and exits 0. When started with an IPC channel (as processes.ts does), it
 * exits as soon as its parent goes away, so a crashed test run leaves no stray workers behind.
 */
import fs from "node:fs";
import { createDatabase, parseDatabaseUrl, type Db } from "../../db";
import { JobQueue } from "../queue";
import { defineTestKinds } from "./test-kinds";

const env = process.env;
const num = (name: string): number | undefined => (env[name] ? Number(env[name]) : undefined);

const config = parseDatabaseUrl(env.DATABASE_URL);
const { db: client } = createDatabase(config);
const db = env.HOLD_STARTED_EVENTS_UNTIL ? holdStartedEvents(client, env.HOLD_STARTED_EVENTS_UNTIL) : client;
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
    .then(() => client.$disconnect())
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

/**
 * A client whose inserts of "started" job events wait until `file` exists, holding the worker
 * between its claim and those events. It writes `${file}.held` when it starts waiting. Both ways of
 * inserting events are covered: Prisma's createMany and raw multi-row INSERTs (insert-rows.ts).
 */
function holdStartedEvents(base: Db, file: string): Db {
  const hold = async () => {
    fs.writeFileSync(`${file}.held`, "");
    while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 20));
  };
  const insertsStarted = (sql: unknown, values: unknown[]) =>
    typeof sql === "string" && /^\s*INSERT INTO "?job_events"?/i.test(sql) && values.includes("started");
  return base.$extends({
    query: {
      jobEvent: {
        async createMany({ args, query }) {
          const rows = Array.isArray(args.data) ? args.data : [args.data];
          if (rows.some((r) => r.type === "started")) await hold();
          return query(args);
        },
      },
      async $executeRawUnsafe({ args, query }) {
        const [sql, ...values] = args as unknown as [string, ...unknown[]];
        if (insertsStarted(sql, values)) await hold();
        return query(args);
      },
    },
  }) as unknown as Db;
}
