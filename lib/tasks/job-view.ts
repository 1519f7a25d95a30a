import type { JobSummary, JobWithEvents } from "../jobs";
import { canSeeJobStack } from "../auth/permissions";
import type { Viewer } from "./viewer";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A job as the API shows it in lists. */
export function toJobSummaryView(job: JobSummary) {
  return {
    id: job.id,
    kind: job.kind,
    name: job.name,
    ownerId: job.ownerId,
    batch: job.batch,
    status: job.status,
    priority: job.priority,
    progress: job.progress,
    progressLabel: job.progressLabel,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    errorMessage: job.errorMessage,
    cancelRequested: job.cancelRequested,
    workerId: job.workerId,
    createdAt: iso(job.createdAt),
    runAt: iso(job.runAt),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    updatedAt: iso(job.updatedAt),
  };
}

/** A job with its payload, result and event log; the error stack only for its owner and admins. */
export function toJobDetailView(job: JobWithEvents, viewer: Viewer) {
  return {
    ...toJobSummaryView(job),
    payload: job.payload,
    result: job.result,
    errorStack: canSeeJobStack(viewer, job) ? job.errorStack : null,
    timeoutMs: job.timeoutMs,
    heartbeatAt: iso(job.heartbeatAt),
    leaseExpiresAt: iso(job.leaseExpiresAt),
    events: job.events.map((e) => ({
      id: e.id,
      type: e.type,
      message: e.message,
      workerId: e.workerId,
      at: e.createdAt.toISOString(),
    })),
  };
}

export type JobSummaryView = ReturnType<typeof toJobSummaryView>;
export type JobDetailView = ReturnType<typeof toJobDetailView>;
