import type { Store } from "../store";
import { JOB_STATUSES, type JobStatus } from "../types";
import { JobSqlFilter } from "./job-sql-filter";

export interface JobFilter {
  /** Only this owner's jobs; undefined lists everyone's (admins). */
  ownerId?: string;
  status?: JobStatus[];
  kind?: string;
  batchId?: string;
  /** Case-insensitive match on the job's name. */
  search?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** Only jobs that finished at or after this time. */
  finishedFrom?: Date;
}

export interface ListOptions {
  cursor?: string;
  limit?: number;
}

export const MAX_PAGE = 200;

/**
 * A page of jobs, newest first, with keyset (cursor) pagination: no OFFSET scans. The page is read
 * per status, from the (status, created_at, id) indexes (the owner's, or everyone's), and merged:
 * the jobs table has no index by creation time alone, which every claim and completion would also
 * have to write (see pageIds).
 */
export async function listJobs(store: Store, filter: JobFilter, { cursor, limit = 50 }: ListOptions = {}) {
  const take = Math.min(Math.max(1, limit), MAX_PAGE);
  const after = cursor ? decodeCursor(cursor) : null;
  const ids = await pageIds(store, filter, after, take + 1);
  const rows = ids.length
    ? await store.db.job.findMany({
        where: { id: { in: ids } },
        // The payload stays: it is small and names what a job produces (a dataset import's dataset).
        include: { batch: { select: { id: true, name: true } }, owner: { select: { email: true } } },
        omit: { errorStack: true, result: true },
      })
    : [];
  const byId = new Map(rows.map((job) => [job.id, job]));
  // A job deleted between the two reads is left out.
  const page = ids.flatMap((id) => byId.get(id) ?? []);
  const jobs = page.slice(0, take);
  const last = jobs[jobs.length - 1];
  return { jobs, nextCursor: ids.length > take && last ? encodeCursor(last.createdAt, last.id) : null };
}

export type JobListPage = Awaited<ReturnType<typeof listJobs>>;
export type JobSummary = JobListPage["jobs"][number];

async function pageIds(store: Store, filter: JobFilter, after: PageCursor | null, limit: number): Promise<string[]> {
  const { sql, params } = pageIdsQuery(store, filter, after, limit);
  const rows = await store.db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((r) => r.id);
}

export interface PageCursor {
  createdAt: Date;
  id: string;
}

/**
 * The ids of the page, newest first: each status's newest `limit` jobs after the cursor, each read
 * from its range of a status index, merged by creation time. (PostgreSQL merges the sorted ranges
 * (Merge Append), SQLite's compound select does the same.)
 */
export function pageIdsQuery(store: Store, filter: JobFilter, after: PageCursor | null, limit: number): { sql: string; params: unknown[] } {
  const sqlFilter = new JobSqlFilter(store, filter);
  const statuses = filter.status?.length ? filter.status : JOB_STATUSES;
  const order = "ORDER BY created_at DESC, id DESC";
  const query = statuses
    .map((status, i) => {
      const conditions = [`status = ${sqlFilter.param(status)}`, ...sqlFilter.conditions()];
      if (after) conditions.push(`(created_at, id) < (${sqlFilter.date(after.createdAt)}, ${sqlFilter.param(after.id)})`);
      return `SELECT id, created_at FROM (SELECT id, created_at FROM jobs WHERE ${conditions.join(" AND ")} ${order} LIMIT ${limit}) AS s${i}`;
    })
    .join(" UNION ALL ");
  return { sql: `${query} ${order} LIMIT ${limit}`, params: sqlFilter.params };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.getTime(), id])).toString("base64url");
}

export class InvalidCursorError extends Error {
  constructor() {
    super("The page cursor is not valid; start again from the first page.");
    this.name = "InvalidCursorError";
  }
}

function decodeCursor(cursor: string): PageCursor {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof ms === "number" && Number.isFinite(ms) && typeof id === "string") return { createdAt: new Date(ms), id };
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
