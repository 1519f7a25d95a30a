import type { Dataset, DatasetSymbol } from "../db/generated/sqlite";
import { canDeleteDataset, type Principal } from "../auth/permissions";

export type DatasetStatus = "importing" | "ready" | "failed";

export interface ImportJobState {
  id: string;
  status: string;
  progress: number;
  progressLabel: string | null;
  errorMessage: string | null;
}

/** A dataset as the API and pages show it. */
export function datasetView(
  viewer: Principal,
  dataset: Dataset & { symbols?: DatasetSymbol[] },
  job: ImportJobState | null,
) {
  let status = dataset.status as DatasetStatus;
  let errorMessage = dataset.errorMessage;
  // A job that ended without its handler saying so (cancelled while queued, out of attempts after
  // crashes) leaves the dataset "importing"; its job tells the truth.
  if (status === "importing" && job && (job.status === "failed" || job.status === "cancelled")) {
    status = "failed";
    errorMessage ??= job.status === "cancelled" ? "The import was cancelled. Retry it from the task center." : (job.errorMessage ?? "The import failed.");
  }
  return {
    id: dataset.id,
    name: dataset.name,
    status,
    sample: dataset.ownerId === null,
    canDelete: canDeleteDataset(viewer, dataset),
    fileName: dataset.fileName,
    fileSize: Number(dataset.fileSize),
    sha256: dataset.sha256,
    interval: dataset.interval,
    rowCount: dataset.rowCount,
    firstDate: dataset.firstDate?.toISOString().slice(0, 10) ?? null,
    lastDate: dataset.lastDate?.toISOString().slice(0, 10) ?? null,
    symbols: (dataset.symbols ?? []).map((s) => ({
      symbol: s.symbol,
      rowCount: s.rowCount,
      firstDate: s.firstDate.toISOString().slice(0, 10),
      lastDate: s.lastDate.toISOString().slice(0, 10),
      hasOhlc: s.hasOhlc,
    })),
    report: dataset.report,
    errorMessage,
    createdAt: dataset.createdAt.toISOString(),
    publishedAt: dataset.publishedAt?.toISOString() ?? null,
    job,
  };
}

export type DatasetView = ReturnType<typeof datasetView>;
