export { JobQueue, type JobQueueOptions } from "./queue";
export { Worker, defaultConcurrency, type WorkerOptions } from "./worker";
export { PermanentJobError, JobAbortedError, type AbortCause } from "./errors";
export { InvalidCursorError, type JobFilter, type ListOptions, type JobListPage, type JobSummary } from "./ops/list-jobs";
export type { StatusCounts, BatchCounts } from "./ops/count-jobs";
export type { JobWithEvents } from "./ops/get-job";
export type { CancelOutcome } from "./ops/cancel-job";
export type { RetryOutcome } from "./ops/retry-job";
export type { DeleteOutcome } from "./ops/delete-job";
export {
  JOB_STATUSES,
  TERMINAL_STATUSES,
  ACTIVE_STATUSES,
  type JobStatus,
  type Json,
  type EnqueueSpec,
  type EnqueueBatchOptions,
  type EnqueueResult,
  type JobContext,
  type JobHandler,
  type HandlerOptions,
  type Clock,
} from "./types";
