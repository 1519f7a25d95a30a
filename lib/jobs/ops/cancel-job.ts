import { signal, type Store } from "../store";

export type CancelOutcome = "cancelled" | "cancel-requested" | "already-finished" | "not-found";

/**
 * Cancels a queued job at once; for a running job, asks its worker to stop (the handler's
 * AbortSignal fires) and the worker ends it `cancelled`. Each step is one conditional update.
 */
export async function cancelJob(store: Store, jobId: string): Promise<CancelOutcome> {
  const { db } = store;
  const now = store.clock.now();
  const queued = await db.job.updateMany({ where: { id: jobId, status: "queued" }, data: { status: "cancelled", finishedAt: now, updatedAt: now } });
  if (queued.count === 1) {
    await db.jobEvent.create({ data: { jobId, type: "cancelled", message: "cancelled before it started", createdAt: now } });
    return "cancelled";
  }
  const running = await db.job.updateMany({ where: { id: jobId, status: "running" }, data: { cancelRequested: true, updatedAt: now } });
  if (running.count === 1) {
    await db.jobEvent.create({ data: { jobId, type: "cancel_requested", createdAt: now } });
    await signal(store, { type: "cancel", jobId });
    return "cancel-requested";
  }
  return (await db.job.count({ where: { id: jobId } })) ? "already-finished" : "not-found";
}
