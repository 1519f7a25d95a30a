import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../http/errors";
import { cancelJobForViewer } from "./cancel-job-for-viewer";
import { deleteJobForViewer } from "./delete-job-for-viewer";
import { getJobForViewer } from "./get-job-for-viewer";
import { listJobsForViewer } from "./list-jobs-for-viewer";
import { viewersFixture } from "./testing/viewers";

const fx = viewersFixture();
const { ann, bob, admin } = fx;

describe("the job API's domain functions", () => {
  it("scope jobs to their owner: others get 'not found', admins see all", async () => {
    const { jobId } = await fx.queue.enqueue({ kind: "k", name: "Ann's", payload: { secret: 1 }, ownerId: ann.id });
    expect((await getJobForViewer(fx.queue, ann, jobId)).payload).toEqual({ secret: 1 });
    await expect(getJobForViewer(fx.queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelJobForViewer(fx.queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteJobForViewer(fx.queue, bob, jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listJobsForViewer(fx.queue, bob, {})).body.jobs).toHaveLength(0);
    expect((await listJobsForViewer(fx.queue, admin, {})).body.jobs.map((j) => j.id)).toEqual([jobId]);
    expect((await listJobsForViewer(fx.queue, admin, { mine: true })).body.jobs).toHaveLength(0);
  });

  it("show the error stack to the owner and admins only", async () => {
    const { jobId } = await fx.queue.enqueue({ kind: "k", name: "shared", payload: {}, ownerId: ann.id });
    await fx.database.db.job.update({ where: { id: jobId }, data: { status: "failed", errorMessage: "boom", errorStack: "Error: boom\n at x" } });
    expect((await getJobForViewer(fx.queue, ann, jobId)).errorStack).toContain("boom");
    expect((await getJobForViewer(fx.queue, admin, jobId)).errorStack).toContain("boom");
  });

  it("keep the ETag while nothing changes and change it when a job moves", async () => {
    const { jobId } = await fx.queue.enqueue({ kind: "k", name: "j", payload: {}, ownerId: ann.id });
    const a = await listJobsForViewer(fx.queue, ann, {});
    const b = await listJobsForViewer(fx.queue, ann, {});
    expect(b.etag).toBe(a.etag);
    await fx.database.db.job.update({ where: { id: jobId }, data: { progress: 40, updatedAt: new Date() } });
    expect((await listJobsForViewer(fx.queue, ann, {})).etag).not.toBe(a.etag);
  });

  it("explain why a finished job cannot be cancelled and a queued one cannot be deleted", async () => {
    const { jobId } = await fx.queue.enqueue({ kind: "k", name: "j", payload: {}, ownerId: ann.id });
    await expect(deleteJobForViewer(fx.queue, ann, jobId)).rejects.toBeInstanceOf(ConflictError);
    expect((await cancelJobForViewer(fx.queue, ann, jobId)).outcome).toBe("cancelled");
    await expect(cancelJobForViewer(fx.queue, ann, jobId)).rejects.toThrow(/already finished/);
    await deleteJobForViewer(fx.queue, ann, jobId);
  });
});
