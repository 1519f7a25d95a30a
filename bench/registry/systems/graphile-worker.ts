import { Logger, makeWorkerUtils, run, runMigrations, type Runner } from "graphile-worker";
import pg from "pg";
import { BENCH_KIND, type BenchPayload, type QueueSystem, type QueueUnderTest } from "../queue-under-test";

const silent = new Logger(() => () => {});

/**
 * graphile-worker as its performance page configures it for throughput
 * (https://worker.graphile.org/docs/performance): a local queue of 500, batched completion, and a
 * pool of concurrency + 2 connections. New jobs wake workers through LISTEN/NOTIFY.
 */
export const graphileWorker: QueueSystem = {
  id: "graphile-worker",
  name: "graphile-worker",
  database: "postgres",
  configuration:
    "`run()` with `concurrentJobs: 10`, `maxPoolSize: 12`, `localQueue: { size: 500 }`, `completeJobBatchDelay: 0`, " +
    "`failJobBatchDelay: 0` (its performance page); `addJobs` / `addJob`",
  pollMs: { sameProcess: null, otherProcess: null },
  async open(connectionString, role) {
    if (role === "worker") await runMigrations({ connectionString, logger: silent });
    const utils = await makeWorkerUtils({ connectionString, logger: silent });
    const counter = new pg.Pool({ connectionString, max: 1 });
    let runner: Runner | null = null;
    const system: QueueUnderTest = {
      async enqueueMany(payloads) {
        await utils.addJobs(payloads.map((payload) => ({ identifier: BENCH_KIND, payload })));
      },
      async enqueueOne(payload) {
        await utils.addJob(BENCH_KIND, payload);
      },
      async startWorkers(concurrency, onStart) {
        runner = await run({
          logger: silent,
          noHandleSignals: true,
          taskList: { [BENCH_KIND]: async (payload) => onStart(payload as BenchPayload) },
          preset: {
            worker: {
              connectionString,
              concurrentJobs: concurrency,
              maxPoolSize: Math.max(10, concurrency + 2),
              localQueue: { size: 500 },
              completeJobBatchDelay: 0,
              failJobBatchDelay: 0,
            },
          },
        });
      },
      async unfinished() {
        // Finished jobs are deleted.
        const { rows } = await counter.query<{ n: number }>("SELECT count(*)::int AS n FROM graphile_worker._private_jobs");
        return rows[0]!.n;
      },
      async close() {
        await runner?.stop();
        await utils.release();
        await counter.end();
      },
    };
    return system;
  },
};
