import crypto from "node:crypto";
import type { JobFilter, JobQueue, ListOptions } from "../jobs";
import { isAdmin } from "../auth/permissions";
import { toJobSummaryView } from "./job-view";
import type { Viewer } from "./viewer";

export interface JobListQuery extends Omit<JobFilter, "ownerId">, ListOptions {
  /** Admins only: everyone's jobs (the default for admins) or just their own. */
  mine?: boolean;
}

/**
 * A page of the viewer's jobs (every user's for admins) with counts per status, and an ETag over
 * exactly what is returned, so an unchanged poll can be answered `304`.
 */
export async function listJobsForViewer(queue: JobQueue, viewer: Viewer, query: JobListQuery) {
  const ownerId = isAdmin(viewer) && !query.mine ? undefined : viewer.id;
  const { status, kind, batchId, search, createdFrom, createdTo, cursor, limit } = query;
  const page = await queue.list({ ownerId, status, kind, batchId, search, createdFrom, createdTo }, { cursor, limit });
  const body = { jobs: page.jobs.map(toJobSummaryView), nextCursor: page.nextCursor, counts: page.counts };
  const etag = `"${crypto.createHash("sha1").update(JSON.stringify(body)).digest("base64url")}"`;
  return { body, etag };
}
