import { transitionJob } from "./transition-job";
import { signal, type Store } from "../store";

export type CancelOutcome = "cancelled" | "cancel-requested" | "already-finished" | "not-found";

/**
 * Cancels a queued job at once; for a running job, asks its worker to stop (the handler's
 * AbortSignal fires) and the worker ends it `cancelled`. Each step is one conditional update.
 */
export async function cancelJob(store: Store, jobId: string): Promise<CancelOutcome> {
  const { db } = store;
  const now = store.clock.now();
  if (await transitionJob(store, jobId, { status: "queued" }, { status: "cancelled", finishedAt: now, updatedAt: now }, { type: "cancelled", message: "cancelled before it started" })) {
    return "cancelled";
  }
  if (await transitionJob(store, jobId, { status: "running" }, { cancelRequested: true, updatedAt: now }, { type: "cancel_requested" })) {
    await signal(store, { type: "cancel", jobId });
    return "cancel-requested";
  }
  return (await db.job.count({ where: { id: jobId } })) ? "already-finished" : "not-found";
}
