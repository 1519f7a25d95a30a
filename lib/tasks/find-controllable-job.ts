import type { JobQueue } from "../jobs";
import { canControlJob } from "../auth/permissions";
import { ForbiddenError } from "../http/errors";
import { findViewableJob } from "./find-viewable-job";
import type { Viewer } from "./viewer";

/** The job if the viewer may cancel, retry or delete it: 404 when they cannot see it, 403 for a shared job they do not own. */
export async function findControllableJob(queue: JobQueue, viewer: Viewer, jobId: string) {
  const job = await findViewableJob(queue, viewer, jobId);
  if (!canControlJob(viewer, job)) throw new ForbiddenError("Only an administrator can change a shared job.");
  return job;
}
