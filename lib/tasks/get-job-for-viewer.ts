import type { JobQueue } from "../jobs";
import { findViewableJob } from "./find-viewable-job";
import { toJobDetailView } from "./job-view";
import type { Viewer } from "./viewer";

export async function getJobForViewer(queue: JobQueue, viewer: Viewer, jobId: string) {
  return toJobDetailView(await findViewableJob(queue, viewer, jobId), viewer);
}
