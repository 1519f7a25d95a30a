import { transitionHeldJob, type HeldRun } from "./transition-job";
import type { Store } from "../store";

/**
 * Gives a running job back to the queue without counting the attempt (graceful shutdown, a lease
 * that could not be renewed), so another worker takes it at once. Only the run the worker claimed as
 * `attempt` (started at `startedAt`): if the job was taken over and claimed again meanwhile (even by
 * this worker), nothing.
 */
export async function releaseJob(store: Store, { jobId, workerId, attempt, startedAt }: HeldRun, reason: string): Promise<boolean> {
  const now = store.clock.now();
  return transitionHeldJob(
    store,
    jobId,
    { workerId, status: "running", attempts: attempt },
    { status: "queued", attempts: Math.max(0, attempt - 1), workerId: null, leaseExpiresAt: null, runAt: now, updatedAt: now },
    { type: "released", workerId, message: reason, runStartedAt: startedAt },
  );
}
