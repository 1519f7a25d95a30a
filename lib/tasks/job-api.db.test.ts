import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import { ConflictError, NotFoundError } from "../http/errors";
import type { JobQueue } from "../jobs";
import { createTestQueue } from "../jobs/test-support";
import { cancelJobForViewer } from "./cancel-job-for-viewer";
import { deleteJobForViewer } from "./delete-job-for-viewer";
import { getJobForViewer } from "./get-job-for-viewer";
import { listJobsForViewer } from "./list-jobs-for-viewer";

let database: TestDatabase;
let queue: JobQueue;
const ann = { id: "", role: "user" };
const bob = { id: "", role: "user" };
const admin = { id: "", role: "admin" };

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  for (const [who, email] of [[ann, "ann@x.io"], [bob, "bob@x.io"], [admin, "root@x.io"]] as const) {
    who.id = (await database.db.user.create({ data: { email, passwordHash: "x", role: who.role } })).id;
  }
});
afterEach(async () => {
  await queue.close({ graceMs: 0 });
  await database.drop();
});

describe("the job API's domain functions", () => {
  it("scope jobs to their owner: others get 'not found', admins see all", async () => {
    const { jobId } = await queue.enqueue({ kind: "k", name: "Ann's", payload: { secret: 1 }, ownerId: ann.id });
    expect((await getJobForViewer(queue, ann, jobId)).payload).toEqual({ secret: 1 });
    await expect(getJobForViewer(queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelJobForViewer(queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteJobForViewer(queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listJobsForViewer(queue, bob, {})).body.jobs).toHaveLength(0);
    expect((await listJobsForViewer(queue, admin, {})).body.jobs.map((j) => j.id)).toEqual([jobId]);
    expect((await listJobsForViewer(queue, admin, { mine: true })).body.jobs).toHaveLength(0);
  });

  it("show the error stack to the owner and admins only", async () => {
    const { jobId } = await queue.enqueue({ kind: "k", name: "shared", payload: {}, ownerId: ann.id });
    await database.db.job.update({ where: { id: jobId }, data: { status: "failed", errorMessage: "boom", errorStack: "Error: boom\n at x" } });
    expect((await getJobForViewer(queue, ann, jobId)).errorStack).toContain("boom");
    expect((await getJobForViewer(queue, admin, jobId)).errorStack).toContain("boom");
  });

  it("keep the ETag while nothing changes and change it when a job moves", async () => {
    const { jobId } = await queue.enqueue({ kind: "k", name: "j", payload: {}, ownerId: ann.id });
    const a = await listJobsForViewer(queue, ann, {});
    const b = await listJobsForViewer(queue, ann, {});
    expect(b.etag).toBe(a.etag);
    await database.db.job.update({ where: { id: jobId }, data: { progress: 40, updatedAt: new Date() } });
    expect((await listJobsForViewer(queue, ann, {})).etag).not.toBe(a.etag);
  });

  it("explain why a finished job cannot be cancelled and a queued one cannot be deleted", async () => {
    const { jobId } = await queue.enqueue({ kind: "k", name: "j", payload: {}, ownerId: ann.id });
    await expect(deleteJobForViewer(queue, ann, jobId)).rejects.toBeInstanceOf(ConflictError);
    expect((await cancelJobForViewer(queue, ann, jobId)).outcome).toBe("cancelled");
    await expect(cancelJobForViewer(queue, ann, jobId)).rejects.toThrow(/already finished/);
    await deleteJobForViewer(queue, ann, jobId);
  });
});
