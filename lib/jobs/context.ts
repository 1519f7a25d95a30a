import type { Db } from "../db/client";
import type { ClaimedJob } from "./dialects/dialect";
import type { JobLog } from "./logger";
import { appendEvent } from "./ops/append-event";
import { updateProgress } from "./ops/update-progress";
import { runInPool, type PoolOptions } from "./pool/pool";
import type { RunStop } from "./run-stop";
import type { Store } from "./store";
import type { JobContext, Json } from "./types";

const PROGRESS_WRITE_INTERVAL_MS = 250;
const MAX_LOG_EVENTS = 500;

/**
 * One run of one job, and the context its handler gets. Everything in it belongs to this run: the
 * payload is the job's own copy, parsed from the claim's row; progress state and writes are per
 * run; nothing is shared with another job.
 *
 * Its functions are bound to it when a handler first reads them (they may be passed around or
 * destructured), and its signal is made then too (RunStop), not for every run: most runs of short
 * jobs never read them.
 */
export class JobRun implements JobContext {
  readonly jobId: string;
  readonly kind: string;
  readonly payload: Json;
  readonly ownerId: string | null;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly db: Db;
  // Private (#): a handler gets this object as its context, and sees what JobContext names (and flush).
  readonly #store: Store;
  readonly #workerId: string;
  readonly #log: JobLog;
  readonly #poolOptions: PoolOptions;
  readonly #stop: RunStop;
  #writes: Promise<void> | null = null;
  #lastWrite = 0;
  #lastLabel: string | null = null;
  #pending: { percent: number; label: string | null } | null = null;
  #trailing: NodeJS.Timeout | undefined;
  #logs = 0;
  #bound: Pick<JobContext, "progress" | "log" | "runInPool"> | null = null;

  constructor(store: Store, job: ClaimedJob, workerId: string, stop: RunStop, log: JobLog, poolOptions: PoolOptions) {
    this.#store = store;
    this.#workerId = workerId;
    this.#stop = stop;
    this.#log = log;
    this.#poolOptions = poolOptions;
    this.jobId = job.id;
    this.kind = job.kind;
    this.payload = job.payload as Json;
    this.ownerId = job.ownerId;
    this.attempt = job.attempts;
    this.maxAttempts = job.maxAttempts;
    this.db = store.db;
  }

  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  get progress(): JobContext["progress"] {
    return this.#functions().progress;
  }

  get log(): JobContext["log"] {
    return this.#functions().log;
  }

  get runInPool(): JobContext["runInPool"] {
    return this.#functions().runInPool;
  }

  /** Waits for progress and log writes still in flight; null when there are none. */
  flush(): Promise<void> | null {
    clearTimeout(this.#trailing);
    this.#writePending();
    return this.#writes;
  }

  #functions() {
    return (this.#bound ??= {
      progress: this.#reportProgress.bind(this),
      log: this.#logMessage.bind(this),
      runInPool: <I, O>(file: string, input: I) =>
        runInPool<I, O>(file, input, { signal: this.signal, onProgress: this.progress, options: this.#poolOptions }),
    });
  }

  #reportProgress(percent: number, label?: string): void {
    if (this.#stop.stopped) return;
    const clamped = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
    this.#pending = { percent: clamped, label: label ?? this.#pending?.label ?? this.#lastLabel };
    const due = this.#pending.label !== this.#lastLabel || Date.now() - this.#lastWrite >= PROGRESS_WRITE_INTERVAL_MS;
    if (due) {
      clearTimeout(this.#trailing);
      this.#writePending();
    } else {
      this.#trailing ??= setTimeout(() => this.#writePending(), PROGRESS_WRITE_INTERVAL_MS);
    }
  }

  #logMessage(message: string): void {
    this.#log.info(message);
    if (this.#stop.stopped || ++this.#logs > MAX_LOG_EVENTS) return;
    this.#enqueueWrite(() => appendEvent(this.#store, this.jobId, "log", message.slice(0, 2000), this.#workerId));
  }

  #writePending(): void {
    this.#trailing = undefined;
    if (!this.#pending || this.#stop.stopped) return;
    const { percent, label } = this.#pending;
    this.#pending = null;
    const labelChanged = label !== this.#lastLabel;
    this.#lastLabel = label;
    this.#lastWrite = Date.now();
    this.#enqueueWrite(() => updateProgress(this.#store, this.jobId, this.#workerId, percent, label, labelChanged));
  }

  #enqueueWrite(write: () => Promise<void>): void {
    this.#writes = (this.#writes ?? Promise.resolve()).then(write).catch((err) => this.#log.warn("could not record job progress", { err }));
  }
}
