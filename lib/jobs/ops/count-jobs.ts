import type { Store } from "../store";
import { JOB_STATUSES, TERMINAL_STATUSES, type JobStatus } from "../types";
import { JobSqlFilter } from "./job-sql-filter";
import type { JobFilter } from "./list-jobs";

export type StatusCounts = Record<JobStatus, number>;

const zeroCounts = (): StatusCounts => Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * Jobs per status among those the filter matches (with a status list, the other statuses count 0).
 *
 * Exact by default: one grouped query, whose cost grows with the number of matching jobs. With
 * `atMost`, each status is counted only up to `atMost + 1` (a count above `atMost` means "more"):
 * one statement of bounded index scans, as fast with 100,000 jobs as with 100.
 */
export async function countJobsByStatus(store: Store, filter: JobFilter = {}, { atMost }: { atMost?: number } = {}): Promise<StatusCounts> {
  const counts = zeroCounts();
  const statuses = filter.status?.length ? filter.status : JOB_STATUSES;
  const rows = atMost === undefined ? await exactCounts(store, filter) : await cappedCounts(store, filter, statuses, atMost);
  for (const row of rows) if (row.status in counts) counts[row.status] = Number(row.n);
  return counts;
}

type CountRow = { status: JobStatus; n: number | bigint };

function exactCounts(store: Store, filter: JobFilter) {
  const { sql } = store.dialect;
  const sqlFilter = new JobSqlFilter(store, filter);
  const conditions = [filter.status?.length && `status IN (${filter.status.map((s) => sqlFilter.param(s)).join(", ")})`, ...sqlFilter.conditions()];
  const where = conditions.filter(Boolean).join(" AND ") || "TRUE";
  const query = `SELECT status, COUNT(*) AS n FROM jobs WHERE ${where} GROUP BY ${sql.unorderedGroup("status")}`;
  return store.db.$queryRawUnsafe<CountRow[]>(query, ...sqlFilter.params);
}

function cappedCounts(store: Store, filter: JobFilter, statuses: readonly JobStatus[], atMost: number) {
  const sqlFilter = new JobSqlFilter(store, filter);
  const where = (status: JobStatus) => [`status = ${sqlFilter.param(status)}`, ...sqlFilter.conditions()].join(" AND ");
  const limit = Math.max(0, Math.floor(atMost)) + 1;
  const query = statuses
    .map((s) => `SELECT '${s}' AS status, (SELECT COUNT(*) FROM (SELECT 1 FROM jobs WHERE ${where(s)} LIMIT ${limit}) capped) AS n`)
    .join(" UNION ALL ");
  return store.db.$queryRawUnsafe<CountRow[]>(query, ...sqlFilter.params);
}

export interface BatchCounts {
  id: string;
  name: string;
  total: number;
  counts: StatusCounts;
  /** 0–100 over the whole batch; a finished job (whatever its outcome) counts as complete. */
  progress: number;
}

/** Each batch's jobs per status and overall progress; with an owner, only that owner's batches. */
export async function countJobsByBatch(store: Store, batchIds: string[], ownerId?: string): Promise<BatchCounts[]> {
  if (batchIds.length === 0) return [];
  const owner = ownerId === undefined ? {} : { ownerId };
  const [batches, groups] = await Promise.all([
    store.db.batch.findMany({ where: { id: { in: batchIds }, ...owner }, select: { id: true, name: true } }),
    store.db.job.groupBy({
      by: ["batchId", "status"],
      where: { batchId: { in: batchIds }, ...owner },
      _count: { _all: true },
      _sum: { progress: true },
    }),
  ]);
  return batches.map(({ id, name }) => {
    const counts = zeroCounts();
    let done = 0;
    for (const g of groups) {
      if (g.batchId !== id || !(g.status in counts)) continue;
      const status = g.status as JobStatus;
      counts[status] = g._count._all;
      done += TERMINAL_STATUSES.includes(status) ? 100 * g._count._all : (g._sum.progress ?? 0);
    }
    const total = JOB_STATUSES.reduce((n, s) => n + counts[s], 0);
    return { id, name, total, counts, progress: total ? Math.floor(done / total) : 0 };
  });
}
