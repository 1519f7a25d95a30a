import type { JobEvent } from "../db/generated/sqlite";

/** An event of a job's history: stored (with its id), or told by the job's row or a run's end (id null). */
export type TimelineEvent = Omit<JobEvent, "id" | "runStartedAt"> & { id: number | null };

/** What of a job's row its history reads. */
export interface TimelineJob {
  id: string;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  workerId: string | null;
}

/**
 * A job's history, oldest first: the events stored for it, and those that its row and its runs'
 * ends tell, which are not stored (a job wrote them for every run, most of the rows it wrote on its
 * way through the registry). Every job was queued when it was created. Each run started when the
 * event that ended it says, on the worker that ran it; the run a job is on, or succeeded in,
 * started when its row says, and a job that succeeded did so when it finished. A run's start goes
 * before the first of its events: after the previous run's end, the first event at or after it.
 */
export function jobTimeline(job: TimelineJob, stored: JobEvent[]): TimelineEvent[] {
  const told = (type: string, workerId: string | null, createdAt: Date): TimelineEvent => ({
    id: null,
    jobId: job.id,
    type,
    message: type === "started" && workerId ? `started on ${workerId}` : null,
    workerId,
    createdAt,
  });
  const events: TimelineEvent[] = [told("queued", null, job.createdAt)];
  let runFrom = events.length;
  const startRun = (at: Date, workerId: string | null) => {
    let i = runFrom;
    while (i < events.length && events[i]!.createdAt < at) i++;
    events.splice(i, 0, told("started", workerId, at));
  };
  for (const { runStartedAt, ...event } of stored) {
    // An event that ended a run: that run's start goes among the events since the previous end.
    if (runStartedAt) startRun(runStartedAt, event.workerId);
    events.push(event);
    if (runStartedAt) runFrom = events.length;
  }
  if ((job.status === "running" || job.status === "succeeded") && job.startedAt) startRun(job.startedAt, job.workerId);
  if (job.status === "succeeded" && job.finishedAt) events.push(told("succeeded", job.workerId, job.finishedAt));
  return events;
}
