import type { Store } from "../store";
import type { Json } from "../types";

/**
 * Marks a job the worker still holds as succeeded. Returns false if the worker had lost it.
 * Two single statements rather than an interactive transaction: on SQLite a transaction holds the
 * write lock across event-loop turns, and other processes then wait in SQLite's busy handler.
 */
export async function completeJob(store: Store, jobId: string, workerId: string, result: Json | undefined): Promise<boolean> {
  const now = store.clock.now();
  const { count } = await store.db.job.updateMany({
    where: { id: jobId, workerId, status: "running" },
    data: {
      status: "succeeded",
      result: result ?? undefined,
      progress: 100,
      finishedAt: now,
      updatedAt: now,
      leaseExpiresAt: null,
      errorMessage: null,
      errorStack: null,
    },
  });
  if (count === 1) await store.db.jobEvent.create({ data: { jobId, type: "succeeded", workerId, createdAt: now } });
  return count === 1;
}
