/** What a benchmark job carries: `t0` (epoch ms, set just before enqueue) and `k` mark a pick-up sample. */
export interface BenchPayload {
  i?: number;
  t0?: number;
  k?: number;
}

/** One job system, opened on its own fresh database, driven the same way as every other. */
export interface QueueUnderTest {
  /** Records the jobs with the system's bulk API, in one call. */
  enqueueMany(payloads: BenchPayload[]): Promise<void>;
  /** Records one job the way an application would. */
  enqueueOne(payload: BenchPayload): Promise<void>;
  /** Starts workers that run up to `concurrency` jobs at once; each handler calls `onStart` first. */
  startWorkers(concurrency: number, onStart: (payload: BenchPayload) => void): Promise<void>;
  /** Jobs not yet recorded as finished in the database. */
  unfinished(): Promise<number>;
  /**
   * For a system that records when a job started (Tandem: its claim), each processed job's time
   * from that record to its handler's first line, in ms.
   */
  startLags?(): Promise<number[]>;
  close(): Promise<void>;
}

export interface QueueSystem {
  /** Stable id, e.g. `tandem-postgres`. */
  id: string;
  name: string;
  database: "postgres" | "sqlite";
  /** How it is configured for throughput (from its documentation), for the report. */
  configuration: string;
  /**
   * How often an idle worker looks for work it was not told about, in ms; null when it is woken
   * (in-process event or LISTEN/NOTIFY). Pick-up samples are spaced randomly over this interval
   * so that polling systems are not measured in step with their poll.
   */
  pollMs: { sameProcess: number | null; otherProcess: number | null };
  /**
   * Opens the system on `target` (a PostgreSQL URL or a SQLite file). The worker side installs
   * the schema first (not timed); a producer only enqueues, from another process.
   */
  open(target: string, role: "worker" | "producer"): Promise<QueueUnderTest>;
}

/** The job kind, task, queue or type name every system uses for the no-op job. */
export const BENCH_KIND = "bench_noop";
