import type { Job } from "../db/generated/sqlite";
import type { JobLog } from "./logger";
import { appendEvent } from "./ops/append-event";
import { updateProgress } from "./ops/update-progress";
import { runInPool, type PoolOptions } from "./pool/pool";
import type { Store } from "./store";
import type { JobContext, Json } from "./types";

const PROGRESS_WRITE_INTERVAL_MS = 250;
const MAX_LOG_EVENTS = 500;

export interface JobRun {
  context: JobContext;
  /** Waits for progress and log writes still in flight. */
  flush(): Promise<void>;
}

/**
 * A fresh context for one run of one job. Everything in it belongs to this run: the payload is the
 * job's own copy from the database, progress state and writes are per run, and nothing here is
 * shared with another job.
 */
export function createJobRun(
  store: Store,
  job: Job,
  workerId: string,
  signal: AbortSignal,
  log: JobLog,
  poolOptions: PoolOptions,
): JobRun {
  let writes: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  let lastLabel: string | null = null;
  let pending: { percent: number; label: string | null } | null = null;
  let trailing: NodeJS.Timeout | undefined;
  let logs = 0;

  const enqueueWrite = (write: () => Promise<void>) => {
    writes = writes.then(write).catch((err) => log.warn("could not record job progress", { err }));
  };

  const writePending = () => {
    trailing = undefined;
    if (!pending || signal.aborted) return;
    const { percent, label } = pending;
    pending = null;
    const labelChanged = label !== lastLabel;
    lastLabel = label;
    lastWrite = Date.now();
    enqueueWrite(() => updateProgress(store, job.id, workerId, percent, label, labelChanged));
  };

  const progress = (percent: number, label?: string) => {
    if (signal.aborted) return;
    const clamped = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
    pending = { percent: clamped, label: label ?? pending?.label ?? lastLabel };
    const due = pending.label !== lastLabel || Date.now() - lastWrite >= PROGRESS_WRITE_INTERVAL_MS;
    if (due) {
      clearTimeout(trailing);
      writePending();
    } else {
      trailing ??= setTimeout(writePending, PROGRESS_WRITE_INTERVAL_MS);
    }
  };

  const context: JobContext = {
    jobId: job.id,
    kind: job.kind,
    payload: job.payload as Json,
    ownerId: job.ownerId,
    attempt: job.attempts,
    maxAttempts: job.maxAttempts,
    signal,
    db: store.db,
    progress,
    log(message) {
      log.info(message);
      if (signal.aborted || ++logs > MAX_LOG_EVENTS) return;
      enqueueWrite(() => appendEvent(store, job.id, "log", message.slice(0, 2000), workerId));
    },
    runInPool: (file, input) => runInPool(file, input, { signal, onProgress: progress, options: poolOptions }),
  };

  return {
    context,
    async flush() {
      clearTimeout(trailing);
      writePending();
      await writes;
    },
  };
}
