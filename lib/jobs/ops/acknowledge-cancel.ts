import { transitionHeldJob } from "./transition-job";
import type { Store } from "../store";

/** The worker stopped a job whose cancellation was requested: it ends `cancelled`. */
export async function acknowledgeCancel(store: Store, jobId: string, workerId: string): Promise<boolean> {
  const now = store.clock.now();
  return transitionHeldJob(
    store,
    jobId,
    { workerId, status: "running" },
    { status: "cancelled", finishedAt: now, updatedAt: now, leaseExpiresAt: null },
    { type: "cancelled", workerId, message: "stopped while running" },
  );
}
