import type { JobQueue } from "../jobs";
import { canViewJob } from "../auth/permissions";
import { NotFoundError } from "../http/errors";
import type { Viewer } from "./viewer";

/** The job if the viewer may see it; another user's job is "not found", never "forbidden". */
export async function findViewableJob(queue: JobQueue, viewer: Viewer, jobId: string) {
  const job = await queue.get(jobId);
  if (!job || !canViewJob(viewer, job)) throw new NotFoundError("No such job");
  return job;
}
