import { transitionJob } from "./transition-job";
import { signal, type Store } from "../store";

export type RetryOutcome = "queued" | "not-retryable" | "not-found";

/** Puts a failed or cancelled job back in the queue with a fresh set of attempts. */
export async function retryJob(store: Store, jobId: string): Promise<RetryOutcome> {
  const { db } = store;
  const now = store.clock.now();
  const queued = await transitionJob(
    store,
    jobId,
    { status: { in: ["failed", "cancelled"] } },
    {
      status: "queued",
      attempts: 0,
      runAt: now,
      progress: 0,
      progressLabel: null,
      cancelRequested: false,
      finishedAt: null,
      startedAt: null,
      workerId: null,
      errorMessage: null,
      errorStack: null,
      updatedAt: now,
    },
    { type: "queued", message: "retried on request" },
  );
  if (!queued) return (await db.job.count({ where: { id: jobId } })) ? "not-retryable" : "not-found";
  await signal(store, { type: "queued" });
  return "queued";
}
