import path from "node:path";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { DATASET_IMPORT, type ImportPayload } from "./import-dataset";
import type { ReceivedUpload } from "./receive-upload";

export interface NewDataset {
  /** A fixed id makes creating the same dataset twice fail on the primary key (the samples). */
  id?: string;
  ownerId: string | null;
  upload: Omit<ReceivedUpload, "fields">;
  name?: string | null;
  symbol?: string | null;
}

/** Records an uploaded file as a dataset being imported and enqueues its import job; nothing heavy runs here. */
export async function createDataset(db: Db, queue: JobQueue, { id, ownerId, upload, name, symbol }: NewDataset) {
  const title = name?.trim() || path.basename(upload.fileName, path.extname(upload.fileName)) || "Dataset";
  const dataset = await db.dataset.create({
    data: {
      id,
      ownerId,
      name: title.slice(0, 120),
      fileName: upload.fileName,
      storedPath: upload.storedPath,
      fileSize: BigInt(upload.size),
      sha256: upload.sha256,
      symbolHint: symbol?.trim() || null,
    },
  });
  const payload: ImportPayload = { datasetId: dataset.id };
  try {
    const { jobId } = await queue.enqueue({ kind: DATASET_IMPORT, name: `Import ${dataset.name}`, payload: { ...payload }, ownerId });
    await db.dataset.update({ where: { id: dataset.id }, data: { jobId } });
    return { datasetId: dataset.id, jobId };
  } catch (err) {
    // No import job, no dataset: one "importing" forever would be worse than none.
    await db.dataset.deleteMany({ where: { id: dataset.id, jobId: null } }).catch(() => {});
    throw err;
  }
}
