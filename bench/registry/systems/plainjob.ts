import Database from "better-sqlite3";
import { better, defineQueue, defineWorker, JobStatus, type Logger, type Worker } from "plainjob";
import { BENCH_KIND, type BenchPayload, type QueueSystem, type QueueUnderTest } from "../queue-under-test";

const POLL_MS = 1_000; // plainjob's default pollIntervall
// plainjob logs every job at debug level through console by default.
const silent: Logger = { error: (m) => console.error(m), warn: () => {}, info: () => {}, debug: () => {} };

/**
 * plainjob: each worker runs one job at a time and polls when idle; it has no wake-up, so 10
 * concurrent jobs are 10 workers on one connection (its README suggests one process per core for
 * more).
 */
export const plainjob: QueueSystem = {
  id: "plainjob",
  name: "plainjob",
  database: "sqlite",
  configuration: "`defineQueue` on better-sqlite3 (it sets WAL, `synchronous = 1`), 10 × `defineWorker` with the default 1 s poll; `addMany` / `add`",
  pollMs: { sameProcess: POLL_MS, otherProcess: POLL_MS },
  async open(file) {
    const queue = defineQueue({ connection: better(new Database(file)), logger: silent });
    const workers: Worker[] = [];
    const system: QueueUnderTest = {
      async enqueueMany(payloads) {
        queue.addMany(BENCH_KIND, payloads);
      },
      async enqueueOne(payload) {
        queue.add(BENCH_KIND, payload);
      },
      async startWorkers(concurrency, onStart) {
        for (let i = 0; i < concurrency; i++) {
          const worker = defineWorker(BENCH_KIND, async (job) => onStart(JSON.parse(job.data) as BenchPayload), {
            queue,
            logger: silent,
            pollIntervall: POLL_MS,
          });
          workers.push(worker);
          void worker.start().catch((err) => console.error("plainjob worker:", err));
        }
      },
      async unfinished() {
        return queue.countJobs({ status: JobStatus.Pending }) + queue.countJobs({ status: JobStatus.Processing });
      },
      async close() {
        await Promise.all(workers.map((w) => w.stop()));
        queue.close();
      },
    };
    return system;
  },
};
