import type { Store } from "../store";

/** One job with its event log, oldest event first. */
export async function getJob(store: Store, jobId: string) {
  return store.db.job.findUnique({
    where: { id: jobId },
    include: { events: { orderBy: { id: "asc" } }, batch: { select: { id: true, name: true } } },
  });
}

export type JobWithEvents = NonNullable<Awaited<ReturnType<typeof getJob>>>;
