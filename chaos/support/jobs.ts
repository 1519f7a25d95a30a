/** What the chaos tests read back from the real server's HTTP API about jobs. */
export interface Attempt {
  number: number;
  workerId: string | null;
  startedAt: string;
  endedAt: string | null;
  outcome: string;
  message: string | null;
}

export interface JobDetail {
  id: string;
  kind: string;
  name: string;
  status: string;
  attempts: number;
  progress: number;
  errorMessage: string | null;
  workerId: string | null;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  events: { type: string; message: string | null; workerId: string | null; at: string }[];
  attemptHistory: Attempt[];
}

export interface JobList {
  jobs: { id: string; status: string; name: string; attempts: number; workerId: string | null }[];
  batches: { id: string; name: string; total?: number; progress?: number; counts?: Record<string, number> }[];
  counts: Record<string, number> | null;
}

/** The event types of a job without its "progress" steps. */
export const lifecycle = (job: JobDetail) => job.events.map((e) => e.type).filter((t) => t !== "progress");

/**
 * Runs of one job that overlapped in time, read from its attempt history: every attempt must have
 * ended before the next one started. An attempt in a process that died ends when it was seen dead.
 */
export function overlappingAttempts(job: JobDetail): string[] {
  const problems: string[] = [];
  job.attemptHistory.forEach((a, i) => {
    const next = job.attemptHistory[i + 1];
    if (!next) return;
    if (!a.endedAt) problems.push(`attempt ${a.number} of ${job.id} never ended, yet attempt ${next.number} started`);
    else if (Date.parse(a.endedAt) > Date.parse(next.startedAt)) problems.push(`attempt ${a.number} of ${job.id} ended after attempt ${next.number} started`);
  });
  return problems;
}
