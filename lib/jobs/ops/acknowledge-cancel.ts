import type { Store } from "../store";

/** The worker stopped a job whose cancellation was requested: it ends `cancelled`. */
export async function acknowledgeCancel(store: Store, jobId: string, workerId: string): Promise<boolean> {
  const now = store.clock.now();
  const { count } = await store.db.job.updateMany({
    where: { id: jobId, workerId, status: "running" },
    data: { status: "cancelled", finishedAt: now, updatedAt: now, leaseExpiresAt: null },
  });
  if (count === 1) await store.db.jobEvent.create({ data: { jobId, type: "cancelled", workerId, createdAt: now, message: "stopped while running" } });
  return count === 1;
}
