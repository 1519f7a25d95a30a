import type { BulkJobResult } from "@/lib/tasks/apply-bulk-job-action-for-viewer";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import type { JobDetailView } from "@/lib/tasks/job-view";
import type { JobListBody } from "@/lib/tasks/list-jobs-for-viewer";

export type { JobListBody };

/** A failed API call, with the server's own message (it is written for people). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function apiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return new ApiError(res.status, body.error ?? `HTTP ${res.status}`);
}

// The last answer per URL with its ETag: a poll sends If-None-Match and a 304 reuses the answer,
// which also keeps react-query's data identical (nothing re-renders).
const answers = new Map<string, { tag: string; data: unknown }>();
const MAX_ANSWERS = 50;

async function getWithEtag<T>(url: string, signal?: AbortSignal): Promise<T> {
  const cached = answers.get(url);
  const res = await fetch(url, { signal, cache: "no-store", headers: cached ? { "If-None-Match": cached.tag } : {} });
  if (res.status === 304 && cached) return cached.data as T;
  if (!res.ok) throw await apiError(res);
  const data = (await res.json()) as T;
  const tag = res.headers.get("etag");
  answers.delete(url);
  if (tag) answers.set(url, { tag, data });
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
  return data;
}

export function fetchJobList(query: string, signal?: AbortSignal): Promise<JobListBody> {
  return getWithEtag<JobListBody>(`/api/jobs?${query}`, signal);
}

export async function fetchJob(id: string, signal?: AbortSignal): Promise<JobDetailView> {
  const res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, { signal, cache: "no-store" });
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as JobDetailView;
}

export async function runJobAction(action: JobAction, ids: string[]): Promise<BulkJobResult[]> {
  const res = await fetch("/api/jobs/bulk", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action, ids }) });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { results: BulkJobResult[] }).results;
}

export interface WorkerView {
  id: string;
  hostname: string;
  pid: number;
  concurrency: number;
  startedAt: string;
  heartbeatAt: string;
  jobs: { id: string; name: string; kind: string; progress: number }[];
}

export async function fetchWorkers(signal?: AbortSignal): Promise<WorkerView[]> {
  const res = await fetch("/api/workers", { signal, cache: "no-store" });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { workers: WorkerView[] }).workers;
}
