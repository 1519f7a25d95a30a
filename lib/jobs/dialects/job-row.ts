import type { ClaimedJob } from "./dialect";

/** How a driver returns a column type that Prisma would have converted. */
export interface RowDecoder {
  date(value: unknown): Date;
  json(value: unknown): ClaimedJob["payload"];
}

/** The columns a claim returns, in each database's SQL; its start is the time the claim sent. */
export const CLAIMED_COLUMNS = ["id", "kind", "owner_id", "payload", "priority", "run_at", "attempts", "max_attempts", "timeout_ms", "created_at"];

/** A claimed `jobs` row as the driver returns it (snake_case columns), claimed at `startedAt` → what the worker runs. */
export function claimedJobFromRow(row: Record<string, unknown>, d: RowDecoder, startedAt: Date): ClaimedJob {
  return {
    id: row.id as string,
    kind: row.kind as string,
    ownerId: (row.owner_id as string | null) ?? null,
    payload: d.json(row.payload),
    priority: Number(row.priority),
    runAt: d.date(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    timeoutMs: row.timeout_ms === null || row.timeout_ms === undefined ? null : Number(row.timeout_ms),
    createdAt: d.date(row.created_at),
    startedAt,
  };
}

/** Claimed jobs in the order a worker starts them: highest priority first, then oldest due. */
export function inClaimOrder(jobs: ClaimedJob[]): ClaimedJob[] {
  return jobs.sort((a, b) => b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
