import { transitionHeldJob } from "./transition-job";
import type { Store } from "../store";
import type { Json } from "../types";

/** Marks a job the worker still holds as succeeded. Returns false if the worker had lost it. */
export async function completeJob(store: Store, jobId: string, workerId: string, result: Json | undefined): Promise<boolean> {
  const now = store.clock.now();
  return transitionHeldJob(
    store,
    jobId,
    { workerId, status: "running" },
    {
      status: "succeeded",
      result: result ?? undefined,
      progress: 100,
      finishedAt: now,
      updatedAt: now,
      leaseExpiresAt: null,
      errorMessage: null,
      errorStack: null,
    },
    { type: "succeeded", workerId },
  );
}
