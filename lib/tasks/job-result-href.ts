import type { Json } from "../jobs";

/** Where a job's result is shown, by kind; null for kinds without a result page. */
export function jobResultHref(job: { id: string; kind: string; payload: unknown }): string | null {
  if (job.kind === "analysis") return `/analysis/${encodeURIComponent(job.id)}`;
  if (job.kind === "dataset-import") {
    const datasetId = (job.payload as { [key: string]: Json } | null)?.datasetId;
    return typeof datasetId === "string" && datasetId ? `/datasets/${encodeURIComponent(datasetId)}` : null;
  }
  return null;
}
