import type { JobSummaryView } from "./job-view";
import { toCsv } from "./jobs-to-csv";

const COLUMNS = [
  "id", "name", "kind", "status", "progress", "step", "attempts", "maxAttempts", "batch", "owner", "createdAt", "startedAt", "finishedAt", "error",
] as const;

type ExportRecord = Record<(typeof COLUMNS)[number], string | number | null>;

function exportRecord(job: JobSummaryView): ExportRecord {
  return {
    id: job.id,
    name: job.name,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    step: job.progressLabel,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    batch: job.batch?.name ?? null,
    owner: job.ownerEmail,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.errorMessage,
  };
}

/** The selected jobs as a downloadable file: CSV (safe to open in a spreadsheet) or JSON. */
export function exportJobs(jobs: JobSummaryView[], format: "csv" | "json"): { body: string; type: string; extension: string } {
  const records = jobs.map(exportRecord);
  if (format === "json") return { body: JSON.stringify(records, null, 2) + "\n", type: "application/json", extension: "json" };
  // The byte-order mark makes Excel read the file as UTF-8 (names in Chinese).
  const csv = toCsv([...COLUMNS], records.map((r) => COLUMNS.map((c) => r[c])));
  return { body: `\uFEFF${csv}`, type: "text/csv;charset=utf-8", extension: "csv" };
}
