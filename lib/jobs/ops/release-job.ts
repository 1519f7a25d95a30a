import { transitionHeldJob } from "./transition-job";
import type { Store } from "../store";

/**
 * Gives a running job back to the queue without counting the attempt (graceful shutdown), so
 * another worker takes it at once.
 */
export async function releaseJob(store: Store, jobId: string, workerId: string, reason: string): Promise<boolean> {
  const now = store.clock.now();
  const job = await store.db.job.findFirst({ where: { id: jobId, workerId, status: "running" }, select: { attempts: true } });
  if (!job) return false;
  return transitionHeldJob(
    store,
    jobId,
    { workerId, status: "running", attempts: job.attempts },
    { status: "queued", attempts: Math.max(0, job.attempts - 1), workerId: null, leaseExpiresAt: null, runAt: now, updatedAt: now },
    { type: "released", workerId, message: reason },
  );
}
