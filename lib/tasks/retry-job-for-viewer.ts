import type { JobQueue } from "../jobs";
import { ConflictError } from "../http/errors";
import { findControllableJob } from "./find-controllable-job";
import { getJobForViewer } from "./get-job-for-viewer";
import type { Viewer } from "./viewer";

/** Queues a failed or cancelled job again. */
export async function retryJobForViewer(queue: JobQueue, viewer: Viewer, jobId: string) {
  await findControllableJob(queue, viewer, jobId);
  const outcome = await queue.retry(jobId);
  if (outcome === "not-retryable") throw new ConflictError("Only failed or cancelled jobs can be retried.");
  return getJobForViewer(queue, viewer, jobId);
}
