/**
 * The state a person sees, in Oban / Bull Board terms: a queued job is "scheduled" while it is not
 * due yet (a delayed job) and "retryable" when it waits to retry after a failed attempt; a running
 * job asked to stop is "cancelling". The stored status stays the source of truth.
 */
export type DisplayStatus = "queued" | "scheduled" | "retryable" | "running" | "cancelling" | "succeeded" | "failed" | "cancelled";

export function displayStatus(job: { status: string; runAt: string; errorMessage: string | null; attempts: number; cancelRequested: boolean }, now: number): DisplayStatus {
  if (job.status === "queued") {
    if (job.attempts > 0 && job.errorMessage) return "retryable";
    return new Date(job.runAt).getTime() > now ? "scheduled" : "queued";
  }
  if (job.status === "running") return job.cancelRequested ? "cancelling" : "running";
  if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") return job.status;
  return "queued";
}
