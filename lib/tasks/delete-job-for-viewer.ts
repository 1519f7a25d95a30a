import type { JobQueue } from "../jobs";
import { ConflictError } from "../http/errors";
import { findControllableJob } from "./find-controllable-job";
import type { Viewer } from "./viewer";

/** Deletes a finished job with its event log. */
export async function deleteJobForViewer(queue: JobQueue, viewer: Viewer, jobId: string): Promise<void> {
  await findControllableJob(queue, viewer, jobId);
  const outcome = await queue.remove(jobId);
  if (outcome === "not-finished") throw new ConflictError("Cancel the job first: only finished jobs can be deleted.");
}
