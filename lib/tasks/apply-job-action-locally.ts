import type { JobAction } from "./bulk-job-action";
import type { JobSummaryView } from "./job-view";

/**
 * What a job will look like once the server has taken the action, for an optimistic update (the
 * next poll reconciles): null when it will be gone, the job unchanged when the action does not apply.
 */
export function applyJobActionLocally(job: JobSummaryView, action: JobAction, now: Date): JobSummaryView | null {
  const at = now.toISOString();
  if (action === "cancel") {
    if (job.status === "queued") return { ...job, status: "cancelled", finishedAt: at, updatedAt: at };
    if (job.status === "running") return { ...job, cancelRequested: true, updatedAt: at };
    return job;
  }
  if (action === "retry") {
    if (job.status !== "failed" && job.status !== "cancelled") return job;
    return {
      ...job,
      status: "queued",
      attempts: 0,
      progress: 0,
      progressLabel: null,
      errorMessage: null,
      cancelRequested: false,
      startedAt: null,
      finishedAt: null,
      workerId: null,
      runAt: at,
      updatedAt: at,
    };
  }
  return job.status === "succeeded" || job.status === "failed" || job.status === "cancelled" ? null : job;
}
