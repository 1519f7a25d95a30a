import type { Job, JobEvent } from "../db/generated/sqlite";

/** An event of a job's history: stored (with its id), or told by the job's row (id null). */
export type TimelineEvent = Omit<JobEvent, "id"> & { id: number | null };

/**
 * A job's history, oldest first: the events stored for it, and the two its row tells by itself.
 * Every job was queued when it was created, and one that succeeded did so when it finished, on the
 * worker it names; neither is stored as an event (they were half the rows a job wrote on its way
 * through the registry). What a job was queued for again (a retry) is stored, and nothing is
 * stored for a job after it succeeded.
 */
export function jobTimeline(job: Job, stored: JobEvent[]): TimelineEvent[] {
  const told = (type: string, workerId: string | null, createdAt: Date): TimelineEvent => ({ id: null, jobId: job.id, type, message: null, workerId, createdAt });
  const events: TimelineEvent[] = [told("queued", null, job.createdAt), ...stored];
  if (job.status === "succeeded" && job.finishedAt) events.push(told("succeeded", job.workerId, job.finishedAt));
  return events;
}
