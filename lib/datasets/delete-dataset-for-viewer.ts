import fs from "node:fs";
import type { Db } from "../db/client";
import { canDeleteDataset, type Principal } from "../auth/permissions";
import { ConflictError, ForbiddenError } from "../http/errors";
import { findViewableDataset } from "./find-viewable-dataset";

/**
 * Deletes a dataset with its bars and stored file. Its symbols go first, so readers stop using it
 * before its bars disappear. Refused while its import job is queued or running.
 */
export async function deleteDatasetForViewer(db: Db, viewer: Principal, datasetId: string): Promise<void> {
  const dataset = await findViewableDataset(db, viewer, datasetId);
  if (!canDeleteDataset(viewer, dataset)) throw new ForbiddenError("Only an administrator can delete a shared sample dataset.");
  if (dataset.jobId) {
    const job = await db.job.findUnique({ where: { id: dataset.jobId }, select: { status: true } });
    if (job && (job.status === "queued" || job.status === "running")) {
      throw new ConflictError("This dataset is still importing. Cancel its import in the task center, then delete it.");
    }
  }
  await db.datasetSymbol.deleteMany({ where: { datasetId } });
  await db.barChunk.deleteMany({ where: { datasetId } });
  await db.dataset.delete({ where: { id: datasetId } });
  if (dataset.storedPath) await fs.promises.rm(dataset.storedPath, { force: true });
}
