interface TimedJob {
  status: string;
  progress: number;
  createdAt: string;
  runAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobTimings {
  /** Time spent waiting for a worker: so far while queued, until it started otherwise. */
  waitMs: number | null;
  /** A delayed job (or a retry after backoff) that is not due yet: how long until it is. */
  dueInMs: number | null;
  /** Run time of the current (or last) attempt: ticking while running. */
  elapsedMs: number | null;
  /** While running, the time left at the rate progress has moved so far; null until it has moved. */
  remainingMs: number | null;
}

const ms = (iso: string) => new Date(iso).getTime();

export function jobTimings(job: TimedJob, now: number): JobTimings {
  const due = Math.max(ms(job.createdAt), ms(job.runAt));
  const started = job.startedAt ? ms(job.startedAt) : null;
  const queued = job.status === "queued";
  const waitMs = queued ? (now >= due ? now - due : null) : started !== null ? Math.max(0, started - due) : null;
  const dueInMs = queued && now < due ? due - now : null;
  const end = job.status === "running" ? now : job.finishedAt ? ms(job.finishedAt) : null;
  const elapsedMs = started !== null && end !== null && !queued ? Math.max(0, end - started) : null;
  const remainingMs =
    job.status === "running" && elapsedMs !== null && job.progress > 0 && job.progress < 100
      ? Math.round((elapsedMs * (100 - job.progress)) / job.progress)
      : null;
  return { waitMs, dueInMs, elapsedMs, remainingMs };
}
