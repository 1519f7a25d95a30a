import PgBoss from "pg-boss";
import { BENCH_KIND, type BenchPayload, type QueueSystem, type QueueUnderTest } from "../queue-under-test";

const BATCH_SIZE = 50;
const POLLING_INTERVAL_SECONDS = 0.5; // pg-boss's minimum; the default is 2

/**
 * pg-boss 10 has no LISTEN/NOTIFY: each `work()` call adds a polling worker that fetches up to
 * `batchSize` jobs, runs the handler, then waits out the polling interval. For 10 concurrent
 * handlers it gets 10 workers; each fetches 50 (500 jobs held at once, as graphile-worker's local
 * queue). In the same process, `notifyWorker` (its documented way to skip the polling interval)
 * wakes a worker after `send`.
 */
export const pgBoss: QueueSystem = {
  id: "pg-boss",
  name: "pg-boss",
  database: "postgres",
  configuration:
    `10 × \`work()\` with \`batchSize: ${BATCH_SIZE}\`, \`pollingIntervalSeconds: ${POLLING_INTERVAL_SECONDS}\` (the minimum); ` +
    "`insert` / `send`, then `notifyWorker` in the same process",
  pollMs: { sameProcess: null, otherProcess: POLLING_INTERVAL_SECONDS * 1000 },
  async open(connectionString, role) {
    const boss = new PgBoss(role === "worker" ? { connectionString } : { connectionString, supervise: false, schedule: false, migrate: false });
    boss.on("error", (err) => console.error("pg-boss:", err));
    await boss.start();
    if (role === "worker") await boss.createQueue(BENCH_KIND);
    const workerIds: string[] = [];
    const system: QueueUnderTest = {
      async enqueueMany(payloads) {
        await boss.insert(payloads.map((data) => ({ name: BENCH_KIND, data })));
      },
      async enqueueOne(payload) {
        await boss.send(BENCH_KIND, payload);
        if (workerIds[0]) boss.notifyWorker(workerIds[0]);
      },
      async startWorkers(concurrency, onStart) {
        for (let i = 0; i < concurrency; i++) {
          const id = await boss.work<BenchPayload>(BENCH_KIND, { batchSize: BATCH_SIZE, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, async (jobs) => {
            for (const job of jobs) onStart(job.data);
          });
          workerIds.push(id);
        }
      },
      async unfinished() {
        const { rows } = await boss
          .getDb()
          .executeSql("SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')", [BENCH_KIND]);
        return (rows[0] as { n: number }).n;
      },
      async close() {
        await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      },
    };
    return system;
  },
};
