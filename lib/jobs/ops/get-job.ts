import { jobTimeline } from "../job-timeline";
import type { Store } from "../store";

/** One job with its history (jobTimeline), oldest event first. */
export async function getJob(store: Store, jobId: string) {
  const job = await store.db.job.findUnique({
    where: { id: jobId },
    include: { events: { orderBy: { id: "asc" } }, batch: { select: { id: true, name: true } } },
  });
  return job && { ...job, events: jobTimeline(job, job.events) };
}

export type JobWithEvents = NonNullable<Awaited<ReturnType<typeof getJob>>>;
