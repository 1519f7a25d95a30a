import crypto from "node:crypto";
import { InvalidCursorError, type JobFilter, type JobQueue, type ListOptions } from "../jobs";
import { BadRequestError } from "../http/errors";
import { isAdmin } from "../auth/permissions";
import { toJobSummaryView } from "./job-view";
import type { Viewer } from "./viewer";

/** Tab counts and the summary's running/queued stop counting here (shown "1,000+"), so they stay fast however many jobs there are. */
export const COUNT_LIMIT = 1_000;

export interface JobListQuery extends Omit<JobFilter, "ownerId" | "finishedFrom">, ListOptions {
  /** Admins only: everyone's jobs (the default for admins) or just their own. */
  mine?: boolean;
  /** Start of the viewer's day, for "finished today"; midnight UTC when not given. */
  today?: Date;
  /** False leaves out counts and summary; they come with the first page only. */
  withCounts?: boolean;
}

/**
 * A page of the viewer's jobs (every user's for admins), the progress of the batches on it, and
 * with the first page the tab counts (per status, under the same filters, up to COUNT_LIMIT) and
 * the summary cards.
 * The ETag covers exactly what is returned, so an unchanged poll can be answered `304`.
 */
export async function listJobsForViewer(queue: JobQueue, viewer: Viewer, query: JobListQuery) {
  const ownerId = isAdmin(viewer) && !query.mine ? undefined : viewer.id;
  const { status, kind, batchId, search, createdFrom, createdTo, cursor, limit } = query;
  const filter: JobFilter = { ownerId, status, kind, batchId, search, createdFrom, createdTo };
  const withCounts = query.withCounts !== false && !cursor;
  const page = await queue.list(filter, { cursor, limit, counts: false }).catch((err: unknown) => {
    throw err instanceof InvalidCursorError ? new BadRequestError(err.message) : err;
  });
  const batchIds = [...new Set([...page.jobs.map((j) => j.batchId), batchId].filter((id): id is string => !!id))];
  const [batches, counts, summary] = await Promise.all([
    queue.batchCounts(batchIds, ownerId),
    withCounts ? queue.counts({ ...filter, status: undefined }, { atMost: COUNT_LIMIT }) : null,
    withCounts ? summarize(queue, ownerId, query.today ?? startOfUtcDay(new Date())) : null,
  ]);
  const body = { jobs: page.jobs.map(toJobSummaryView), nextCursor: page.nextCursor, batches, counts, countLimit: COUNT_LIMIT, summary };
  const etag = `"${crypto.createHash("sha1").update(JSON.stringify(body)).digest("base64url")}"`;
  return { body, etag };
}

export type JobListBody = Awaited<ReturnType<typeof listJobsForViewer>>["body"];

/**
 * The summary cards: what runs and waits now (up to COUNT_LIMIT), and exactly how the jobs that
 * finished since the start of the viewer's day ended.
 */
async function summarize(queue: JobQueue, ownerId: string | undefined, since: Date) {
  const [active, finished] = await Promise.all([
    queue.counts({ ownerId, status: ["queued", "running"] }, { atMost: COUNT_LIMIT }),
    queue.counts({ ownerId, finishedFrom: since }),
  ]);
  return {
    running: active.running,
    queued: active.queued,
    since: since.toISOString(),
    succeeded: finished.succeeded,
    failed: finished.failed,
    cancelled: finished.cancelled,
  };
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
