import { transitionHeldJob } from "./transition-job";
import { retryDelayMs, type BackoffOptions } from "../backoff";
import type { Store } from "../store";

export interface Failure {
  message: string;
  stack: string | null;
  /** Permanent failures are not retried. */
  permanent: boolean;
}

export type FailOutcome = "retry-scheduled" | "failed" | "lost";

/**
 * Ends a failed attempt: schedules a retry with backoff while attempts remain and the error is
 * transient, otherwise marks the job failed. The update is conditional on the attempt it read, so
 * it cannot act on a job another worker has taken over since.
 */
export async function failJob(
  store: Store,
  jobId: string,
  workerId: string,
  failure: Failure,
  backoff: BackoffOptions = {},
): Promise<FailOutcome> {
  const now = store.clock.now();
  const job = await store.db.job.findFirst({
    where: { id: jobId, workerId, status: "running" },
    select: { attempts: true, maxAttempts: true },
  });
  if (!job) return "lost";
  const where = { workerId, status: "running", attempts: job.attempts };
  const error = { errorMessage: failure.message, errorStack: failure.stack, updatedAt: now, leaseExpiresAt: null };
  if (!failure.permanent && job.attempts < job.maxAttempts) {
    const delay = retryDelayMs(job.attempts, backoff);
    const scheduled = await transitionHeldJob(
      store,
      jobId,
      where,
      { ...error, status: "queued", runAt: new Date(now.getTime() + delay), workerId: null },
      {
        type: "retry_scheduled",
        workerId,
        message: `attempt ${job.attempts} of ${job.maxAttempts} failed: ${failure.message}; retrying in ${Math.round(delay / 1000)} s`,
      },
    );
    return scheduled ? "retry-scheduled" : "lost";
  }
  const failed = await transitionHeldJob(store, jobId, where, { ...error, status: "failed", finishedAt: now }, { type: "failed", workerId, message: failure.message });
  return failed ? "failed" : "lost";
}
