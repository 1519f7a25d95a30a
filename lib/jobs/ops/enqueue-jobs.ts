import crypto from "node:crypto";
import { signal, type Store } from "../store";
import { insertRows, type Column } from "./insert-rows";
import type { EnqueueBatchOptions, EnqueueResult, EnqueueSpec } from "../types";

const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Records jobs (and their batch) in one transaction. With an idempotency key, a repeated call from
 * the same owner returns the jobs of the first call and creates nothing.
 */
export async function enqueueJobs(
  store: Store,
  specs: EnqueueSpec[],
  options: EnqueueBatchOptions = {},
): Promise<EnqueueResult> {
  if (specs.length === 0) throw new Error("enqueueJobs needs at least one job");
  const ownerId = options.ownerId ?? specs[0]!.ownerId ?? null;
  const keys = specs.map((s, i) => s.idempotencyKey ?? (options.idempotencyKey ? `${options.idempotencyKey}#${i}` : null));

  const existing = await findExisting(store, ownerId, keys);
  if (existing) return existing;

  const now = store.clock.now();
  const batchId = options.batchName ? crypto.randomUUID() : null;
  const rows: NewJob[] = specs.map((spec, i) => ({
    id: crypto.randomUUID(),
    kind: spec.kind,
    name: spec.name,
    payload: spec.payload ?? {},
    ownerId: spec.ownerId ?? ownerId,
    batchId,
    priority: spec.priority ?? 0,
    runAt: spec.runAt ?? now,
    maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    timeoutMs: spec.timeoutMs ?? null,
    idempotencyKey: keys[i] ?? null,
    createdAt: now,
    updatedAt: now,
  }));

  try {
    await store.db.$transaction(
      async (tx) => {
        if (batchId) await tx.batch.create({ data: { id: batchId, ownerId, name: options.batchName!, createdAt: now } });
        await insertRows(tx, store.dialect, "jobs", jobColumns(store), rows);
        await insertRows(tx, store.dialect, "job_events", eventColumns(store, now), rows);
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    // Two identical requests raced: the loser returns the winner's jobs.
    const raced = isUniqueViolation(err) ? await findExisting(store, ownerId, keys) : null;
    if (raced) return raced;
    throw err;
  }
  await signal(store, { type: "queued" });
  return { batchId, jobIds: rows.map((r) => r.id), existing: false };
}

type NewJob = {
  id: string;
  kind: string;
  name: string;
  payload: unknown;
  ownerId: string | null;
  batchId: string | null;
  priority: number;
  runAt: Date;
  maxAttempts: number;
  timeoutMs: number | null;
  idempotencyKey: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function jobColumns({ dialect }: Store): Column<NewJob>[] {
  const { date, json } = dialect.sql;
  return [
    { name: "id", value: (r) => r.id },
    { name: "kind", value: (r) => r.kind },
    { name: "name", value: (r) => r.name },
    { name: "owner_id", value: (r) => r.ownerId },
    { name: "batch_id", value: (r) => r.batchId },
    { name: "payload", value: (r) => json(r.payload), cast: "jsonb" },
    { name: "status", value: () => "queued" },
    { name: "priority", value: (r) => r.priority },
    { name: "run_at", value: (r) => date(r.runAt) },
    { name: "max_attempts", value: (r) => r.maxAttempts },
    { name: "timeout_ms", value: (r) => r.timeoutMs },
    { name: "idempotency_key", value: (r) => r.idempotencyKey },
    { name: "created_at", value: (r) => date(r.createdAt) },
    { name: "updated_at", value: (r) => date(r.updatedAt) },
  ];
}

function eventColumns({ dialect }: Store, now: Date): Column<NewJob>[] {
  return [
    { name: "job_id", value: (r) => r.id },
    { name: "type", value: () => "queued" },
    { name: "created_at", value: () => dialect.sql.date(now) },
  ];
}

async function findExisting(store: Store, ownerId: string | null, keys: (string | null)[]): Promise<EnqueueResult | null> {
  const wanted = keys.filter((k): k is string => k !== null);
  if (wanted.length === 0 || ownerId === null) return null;
  const found = await store.db.job.findMany({
    where: { ownerId, idempotencyKey: { in: wanted } },
    select: { id: true, batchId: true, idempotencyKey: true },
  });
  if (found.length === 0) return null;
  const byKey = new Map(found.map((j) => [j.idempotencyKey, j]));
  const jobIds = wanted.map((k) => byKey.get(k)?.id).filter((id): id is string => Boolean(id));
  return { batchId: found[0]!.batchId, jobIds, existing: true };
}

function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { code, meta } = err as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  // P2002 from Prisma's own queries; raw SQL reports the driver adapter's error kind.
  return code === "P2002" || meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
