import type { Job } from "../../db/generated/sqlite";
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
 * transient, otherwise marks the job failed. The update is conditional on the attempt the worker
 * claimed, so it cannot act on a job another worker has taken over since.
 */
export async function failJob(
  store: Store,
  job: Pick<Job, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  failure: Failure,
  backoff: BackoffOptions = {},
): Promise<FailOutcome> {
  const now = store.clock.now();
  const attempt = { jobId: job.id, workerId, attempts: job.attempts, now, errorMessage: failure.message, errorStack: failure.stack };
  if (!failure.permanent && job.attempts < job.maxAttempts) {
    const delay = retryDelayMs(job.attempts, backoff);
    const message = `attempt ${job.attempts} of ${job.maxAttempts} failed: ${failure.message}; retrying in ${Math.round(delay / 1000)} s`;
    const scheduled = await store.dialect.fail({ ...attempt, retryAt: new Date(now.getTime() + delay), event: { type: "retry_scheduled", message } });
    return scheduled ? "retry-scheduled" : "lost";
  }
  const failed = await store.dialect.fail({ ...attempt, retryAt: null, event: { type: "failed", message: failure.message } });
  return failed ? "failed" : "lost";
}
