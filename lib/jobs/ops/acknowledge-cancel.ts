import { transitionHeldJob, type HeldRun } from "./transition-job";
import type { Store } from "../store";

/** The worker stopped the run it claimed as `attempt` of a job whose cancellation was requested: it ends `cancelled`. */
export async function acknowledgeCancel(store: Store, { jobId, workerId, attempt, startedAt }: HeldRun): Promise<boolean> {
  const now = store.clock.now();
  return transitionHeldJob(
    store,
    jobId,
    { workerId, status: "running", attempts: attempt },
    { status: "cancelled", finishedAt: now, updatedAt: now, leaseExpiresAt: null },
    { type: "cancelled", workerId, message: "stopped while running", runStartedAt: startedAt },
  );
}
