import type { Store } from "../store";

/**
 * Gives a running job back to the queue without counting the attempt (graceful shutdown), so
 * another worker takes it at once.
 */
export async function releaseJob(store: Store, jobId: string, workerId: string, reason: string): Promise<boolean> {
  const now = store.clock.now();
  const job = await store.db.job.findFirst({ where: { id: jobId, workerId, status: "running" }, select: { attempts: true } });
  if (!job) return false;
  const { count } = await store.db.job.updateMany({
    where: { id: jobId, workerId, status: "running", attempts: job.attempts },
    data: { status: "queued", attempts: Math.max(0, job.attempts - 1), workerId: null, leaseExpiresAt: null, runAt: now, updatedAt: now },
  });
  if (count === 1) await store.db.jobEvent.create({ data: { jobId, type: "released", workerId, createdAt: now, message: reason } });
  return count === 1;
}
