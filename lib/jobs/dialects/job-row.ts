import type { Job } from "../../db/generated/sqlite";

/** How a driver returns a column type that Prisma would have converted. */
export interface RowDecoder {
  date(value: unknown): Date;
  json(value: unknown): Job["payload"];
  bool(value: unknown): boolean;
}

/** A `jobs` row as the driver returns it (snake_case columns) → the Job that Prisma would return. */
export function jobFromRow(row: Record<string, unknown>, d: RowDecoder): Job {
  const date = (v: unknown) => (v === null || v === undefined ? null : d.date(v));
  return {
    id: row.id as string,
    kind: row.kind as string,
    name: row.name as string,
    ownerId: (row.owner_id as string | null) ?? null,
    batchId: (row.batch_id as string | null) ?? null,
    payload: d.json(row.payload),
    status: row.status as string,
    priority: Number(row.priority),
    runAt: d.date(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    timeoutMs: row.timeout_ms === null || row.timeout_ms === undefined ? null : Number(row.timeout_ms),
    progress: Number(row.progress),
    progressLabel: (row.progress_label as string | null) ?? null,
    result: row.result === null || row.result === undefined ? null : d.json(row.result),
    errorMessage: (row.error_message as string | null) ?? null,
    errorStack: (row.error_stack as string | null) ?? null,
    createdAt: d.date(row.created_at),
    updatedAt: d.date(row.updated_at),
    startedAt: date(row.started_at),
    finishedAt: date(row.finished_at),
    heartbeatAt: date(row.heartbeat_at),
    workerId: (row.worker_id as string | null) ?? null,
    leaseExpiresAt: date(row.lease_expires_at),
    cancelRequested: d.bool(row.cancel_requested),
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
  };
}

/** Claimed jobs in the order a worker starts them: highest priority first, then oldest due. */
export function inClaimOrder(jobs: Job[]): Job[] {
  return jobs.sort((a, b) => b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
