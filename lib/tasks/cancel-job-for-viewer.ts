import type { JobQueue } from "../jobs";
import { ConflictError } from "../http/errors";
import { findControllableJob } from "./find-controllable-job";
import { getJobForViewer } from "./get-job-for-viewer";
import type { Viewer } from "./viewer";

/** Cancels a queued job, or asks the worker running it to stop. */
export async function cancelJobForViewer(queue: JobQueue, viewer: Viewer, jobId: string) {
  await findControllableJob(queue, viewer, jobId);
  const outcome = await queue.cancel(jobId);
  if (outcome === "already-finished") throw new ConflictError("This job has already finished; there is nothing to cancel.");
  return { outcome, job: await getJobForViewer(queue, viewer, jobId) };
}
