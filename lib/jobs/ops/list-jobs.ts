import type { Prisma } from "../../db/generated/sqlite";
import type { Store } from "../store";
import type { JobStatus } from "../types";

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

/** A page of jobs, newest first, with keyset (cursor) pagination: no OFFSET scans. */
export async function listJobs(store: Store, filter: JobFilter, { cursor, limit = 50 }: ListOptions = {}) {
  const take = Math.min(Math.max(1, limit), MAX_PAGE);
  const where = jobWhere(store, filter);
  const after = cursor ? decodeCursor(cursor) : null;
  const page = await store.db.job.findMany({
    where: after
      ? {
          AND: [
            where,
            { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
          ],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    // The payload stays: it is small and names what a job produces (a dataset import's dataset).
    include: { batch: { select: { id: true, name: true } }, owner: { select: { email: true } } },
    omit: { errorStack: true, result: true },
  });
  const jobs = page.slice(0, take);
  const last = jobs[jobs.length - 1];
  return { jobs, nextCursor: page.length > take && last ? encodeCursor(last.createdAt, last.id) : null };
}

export type JobListPage = Awaited<ReturnType<typeof listJobs>>;
export type JobSummary = JobListPage["jobs"][number];

export function jobWhere(store: Store, f: JobFilter): Prisma.JobWhereInput {
  return {
    ...(f.ownerId !== undefined && { ownerId: f.ownerId }),
    ...(f.status?.length && { status: { in: f.status } }),
    ...(f.kind && { kind: f.kind }),
    ...(f.batchId && { batchId: f.batchId }),
    ...(f.search && { name: store.dialect.containsInsensitive(f.search) as Prisma.StringFilter }),
    ...((f.createdFrom || f.createdTo) && {
      createdAt: { ...(f.createdFrom && { gte: f.createdFrom }), ...(f.createdTo && { lte: f.createdTo }) },
    }),
    ...(f.finishedFrom && { finishedAt: { gte: f.finishedFrom } }),
  };
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

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof ms === "number" && Number.isFinite(ms) && typeof id === "string") return { createdAt: new Date(ms), id };
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
