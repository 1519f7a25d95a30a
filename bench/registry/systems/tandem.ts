import Database from "better-sqlite3";
import pg from "pg";
import { createDatabase } from "../../../lib/db/client";
import type { DatabaseConfig } from "../../../lib/db/config";
import { migrate } from "../../../lib/db/migrate";
import { JobQueue } from "../../../lib/jobs";
import { BENCH_KIND, type BenchPayload, type QueueSystem, type QueueUnderTest } from "../queue-under-test";

const POLL_MS = 1_000; // Worker's default pollIntervalMs

function tandem(database: "postgres" | "sqlite"): QueueSystem {
  return {
    id: `tandem-${database}`,
    name: "Tandem",
    database,
      configuration:
        `JobQueue on ${database === "postgres" ? "PostgreSQL" : "SQLite"}, one worker with \`concurrency: 10\`, defaults otherwise ` +
        "(lease 30 s, poll fallback 1 s, claim ahead 100 ms); `enqueueMany` / `enqueue`",
    pollMs: { sameProcess: null, otherProcess: database === "postgres" ? null : POLL_MS },
    async open(target, role) {
      const config: DatabaseConfig = database === "postgres" ? { dialect: "postgres", url: target } : { dialect: "sqlite", file: target };
      if (role === "worker") await migrate(config);
      const { db } = createDatabase(config);
      const handlerStarts = new Map<string, number>();
      const queue =
        config.dialect === "postgres"
          ? new JobQueue({ db, dialect: "postgres", connectionString: config.url })
          : new JobQueue({ db, dialect: "sqlite" });
      const counter = unfinishedCounter(config);
      const system: QueueUnderTest = {
        async enqueueMany(payloads) {
          await queue.enqueueMany(payloads.map((payload, i) => ({ kind: BENCH_KIND, name: `Bench ${i}`, payload: { ...payload } })));
        },
        async enqueueOne(payload) {
          await queue.enqueue({ kind: BENCH_KIND, name: "Bench", payload: { ...payload } });
        },
        async startWorkers(concurrency, onStart) {
          queue.define<BenchPayload>(BENCH_KIND, async (ctx) => {
            if (ctx.payload.k === undefined) handlerStarts.set(ctx.jobId, Date.now());
            onStart(ctx.payload);
          });
          await queue.startWorker({ concurrency, pollIntervalMs: POLL_MS });
        },
        unfinished: counter.count,
        async startLags() {
          const jobs = await db.job.findMany({ where: { id: { in: [...handlerStarts.keys()] } }, select: { id: true, startedAt: true } });
          return jobs.map((j) => handlerStarts.get(j.id)! - j.startedAt!.getTime());
        },
        async close() {
          await queue.close({ graceMs: 5_000 });
          await db.$disconnect();
          await counter.close();
        },
      };
      return system;
    },
  };
}

const UNFINISHED = "SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')";

/**
 * The harness's check that every job is recorded finished (every 5 ms at the end of the run, in
 * the worker's process), on a connection of its own as for the other systems: through Prisma, each
 * check compiled the query again, and took the worker's thread from its last completions.
 */
function unfinishedCounter(config: DatabaseConfig): { count(): Promise<number>; close(): Promise<void> } {
  if (config.dialect === "sqlite") {
    const sqlite = new Database(config.file, { readonly: true });
    const statement = sqlite.prepare<[], { n: number }>(UNFINISHED);
    return { count: async () => statement.get()!.n, close: async () => void sqlite.close() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 1 });
  return {
    count: async () => Number((await pool.query<{ n: string }>(UNFINISHED)).rows[0]!.n),
    close: () => pool.end(),
  };
}

export const tandemPostgres = tandem("postgres");
export const tandemSqlite = tandem("sqlite");
