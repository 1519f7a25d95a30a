import type { JobSummary, JobWithEvents } from "../jobs";
import { canSeeJobStack } from "../auth/permissions";
import { attemptsFromEvents } from "./attempts-from-events";
import { jobResultHref } from "./job-result-href";
import type { Viewer } from "./viewer";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

type SummarySource = Omit<JobSummary, "owner"> & { owner?: { email: string } | null };

/** A job as the API shows it in lists. */
export function toJobSummaryView(job: SummarySource) {
  return {
    id: job.id,
    kind: job.kind,
    name: job.name,
    ownerId: job.ownerId,
    ownerEmail: job.owner?.email ?? null,
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
    resultHref: jobResultHref(job),
    createdAt: iso(job.createdAt)!,
    runAt: iso(job.runAt)!,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    updatedAt: iso(job.updatedAt)!,
  };
}

/** A job with its payload, result, event log and attempt history; the error stack only for its owner and admins. */
export function toJobDetailView(job: JobWithEvents, viewer: Viewer) {
  const events = job.events.map((e) => ({
    id: e.id,
    type: e.type,
    message: e.message,
    workerId: e.workerId,
    at: e.createdAt.toISOString(),
  }));
  return {
    ...toJobSummaryView(job),
    payload: job.payload,
    result: job.result,
    errorStack: canSeeJobStack(viewer, job) ? job.errorStack : null,
    timeoutMs: job.timeoutMs,
    heartbeatAt: iso(job.heartbeatAt),
    leaseExpiresAt: iso(job.leaseExpiresAt),
    events,
    attemptHistory: attemptsFromEvents(events),
  };
}

export type JobSummaryView = ReturnType<typeof toJobSummaryView>;
export type JobDetailView = ReturnType<typeof toJobDetailView>;
