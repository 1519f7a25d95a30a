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
        "(lease 30 s, poll fallback 1 s, claim ahead 20 ms); `enqueueMany` / `enqueue`",
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
        unfinished: () => db.job.count({ where: { status: { in: ["queued", "running"] } } }),
        async startLags() {
          const jobs = await db.job.findMany({ where: { id: { in: [...handlerStarts.keys()] } }, select: { id: true, startedAt: true } });
          return jobs.map((j) => handlerStarts.get(j.id)! - j.startedAt!.getTime());
        },
        async close() {
          await queue.close({ graceMs: 5_000 });
          await db.$disconnect();
        },
      };
      return system;
    },
  };
}

export const tandemPostgres = tandem("postgres");
export const tandemSqlite = tandem("sqlite");
