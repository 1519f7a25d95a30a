import type { Db } from "../db/client";
import type { Principal } from "../auth/permissions";
import { datasetView } from "./dataset-view";
import { findViewableDataset } from "./find-viewable-dataset";
import { importJobsOf } from "./import-jobs-of";

export async function getDatasetForViewer(db: Db, viewer: Principal, datasetId: string) {
  const dataset = await findViewableDataset(db, viewer, datasetId);
  const jobs = await importJobsOf(db, [dataset.jobId]);
  return datasetView(viewer, dataset, dataset.jobId ? (jobs.get(dataset.jobId) ?? null) : null);
}
