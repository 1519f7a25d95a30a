import type { JobQueue } from "../jobs";
import { HttpError } from "../http/errors";
import type { BulkJobAction } from "./bulk-job-action";
import { cancelJobForViewer } from "./cancel-job-for-viewer";
import { deleteJobForViewer } from "./delete-job-for-viewer";
import { retryJobForViewer } from "./retry-job-for-viewer";
import type { Viewer } from "./viewer";

export interface BulkJobResult {
  id: string;
  ok: boolean;
  /** Why this job was left as it was (not found, wrong state), as the single-job routes say it. */
  error?: string;
}

/**
 * Applies one action to each job in turn with the single-job rules: a job that cannot take it
 * (another user's, or in the wrong state) is reported and the others go ahead.
 */
export async function applyBulkJobActionForViewer(queue: JobQueue, viewer: Viewer, { action, ids }: BulkJobAction): Promise<BulkJobResult[]> {
  const results: BulkJobResult[] = [];
  for (const id of ids) {
    try {
      if (action === "cancel") await cancelJobForViewer(queue, viewer, id);
      else if (action === "retry") await retryJobForViewer(queue, viewer, id);
      else await deleteJobForViewer(queue, viewer, id);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      results.push({ id, ok: false, error: err.message });
    }
  }
  return results;
}
