import { describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import { waitForStatus } from "../jobs/test-support";
import { applyBulkJobActionForViewer } from "./apply-bulk-job-action-for-viewer";
import { getJobForViewer } from "./get-job-for-viewer";
import { listJobsForViewer, type JobListQuery } from "./list-jobs-for-viewer";
import { viewersFixture } from "./testing/viewers";

const fx = viewersFixture();
const { ann, bob, admin } = fx;

const setJob = (id: string, data: Parameters<TestDatabase["db"]["job"]["update"]>[0]["data"]) => fx.database.db.job.update({ where: { id }, data });

async function allPages(viewer: typeof ann, query: JobListQuery, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { body } = await listJobsForViewer(fx.queue, viewer, { ...query, cursor, limit });
    ids.push(...body.jobs.map((j) => j.id));
    cursor = body.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe("the task center's job list", () => {
  it("pages through a batch whose jobs share one creation time, each job exactly once, newest first", async () => {
    const { jobIds } = await fx.queue.enqueueMany(
      Array.from({ length: 25 }, (_, i) => ({ kind: "analysis", name: `Analyse ${600000 + i}`, payload: { symbol: String(600000 + i) } })),
      { ownerId: ann.id, batchName: "25 at once" },
    );
    const { jobId: newer } = await fx.queue.enqueue({ kind: "analysis", name: "Later", payload: {}, ownerId: ann.id });
    const { ids, pages } = await allPages(ann, {}, 10);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(26);
    expect(new Set(ids)).toEqual(new Set([...jobIds, newer]));
    expect(ids[0]).toBe(newer);
  });

  it("pages through jobs of every status in creation order, each exactly once, whatever their statuses", async () => {
    const { jobIds } = await fx.queue.enqueueMany(
      Array.from({ length: 20 }, (_, i) => ({ kind: "analysis", name: `Analyse ${i}`, payload: {} })),
      { ownerId: ann.id },
    );
    const statuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
    for (const [i, id] of jobIds.entries()) {
      await setJob(id, { status: statuses[i % 5], createdAt: new Date(Date.UTC(2030, 0, 1 + (i % 3))) });
    }
    const newestFirst = (await fx.database.db.job.findMany({ where: { ownerId: ann.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })).map((j) => j.id);
    expect((await allPages(ann, {}, 3)).ids).toEqual(newestFirst);
    const finished = await fx.database.db.job.findMany({
      where: { ownerId: ann.id, status: { in: ["failed", "cancelled"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect((await allPages(ann, { status: ["failed", "cancelled"] }, 2)).ids).toEqual(finished.map((j) => j.id));
  });

  it("filters by kind, batch, name (any case) and submission dates, and pages within the filter", async () => {
    const { batchId, jobIds } = await fx.queue.enqueueMany(
      ["600519", "000001", "300750"].map((s) => ({ kind: "analysis", name: `Analyse ${s}`, payload: { symbol: s } })),
      { ownerId: ann.id, batchName: "three" },
    );
    const { jobId: imp } = await fx.queue.enqueue({ kind: "dataset-import", name: "Import prices.csv", payload: { datasetId: "d1" }, ownerId: ann.id });
    const { jobId: old } = await fx.queue.enqueue({ kind: "analysis", name: "analyse 600519 (old)", payload: {}, ownerId: ann.id });
    await setJob(old, { createdAt: new Date("2024-01-02T10:00:00Z") });

    const ids = async (q: JobListQuery) => (await listJobsForViewer(fx.queue, ann, q)).body.jobs.map((j) => j.id).sort();
    expect(await ids({ kind: "dataset-import" })).toEqual([imp]);
    expect(await ids({ batchId: batchId! })).toEqual([...jobIds].sort());
    expect(await ids({ search: "ANALYSE 600519" })).toEqual([jobIds[0]!, old].sort());
    const { jobIds: exports } = await fx.queue.enqueueMany(
      ["Export a_b.csv", "Export axb.csv", "Export 100%.csv", "Export 1000.csv"].map((name) => ({ kind: "export", name, payload: {} })),
      { ownerId: ann.id },
    );
    // LIKE's wildcards in the search text match only themselves.
    expect(await ids({ search: "a_b" })).toEqual([exports[0]!]);
    expect(await ids({ search: "100%" })).toEqual([exports[2]!]);
    expect(await ids({ createdTo: new Date("2024-01-03T00:00:00Z") })).toEqual([old]);
    expect(await ids({ createdFrom: new Date("2024-01-03T00:00:00Z"), kind: "analysis" })).toEqual([...jobIds].sort());
    expect((await allPages(ann, { kind: "analysis" }, 2)).ids.sort()).toEqual([...jobIds, old].sort());
    const page = (await listJobsForViewer(fx.queue, ann, { kind: "dataset-import" })).body.jobs[0]!;
    expect(page.resultHref).toBe("/datasets/d1");
  });

  it("counts per status under the same filters, whatever the tab, with the first page only", async () => {
    const { jobIds } = await fx.queue.enqueueMany(
      [1, 2, 3, 4].map((i) => ({ kind: i % 2 ? "analysis" : "dataset-import", name: `Job ${i}`, payload: {} })),
      { ownerId: ann.id },
    );
    await fx.queue.enqueue({ kind: "analysis", name: "Bob's", payload: {}, ownerId: bob.id });
    await fx.queue.cancel(jobIds[0]!);
    await setJob(jobIds[1]!, { status: "running", startedAt: new Date() });

    const first = await listJobsForViewer(fx.queue, ann, { status: ["queued", "running"], limit: 1 });
    expect(first.body.counts).toEqual({ queued: 2, running: 1, succeeded: 0, failed: 0, cancelled: 1 });
    expect(first.body.jobs).toHaveLength(1);
    const second = await listJobsForViewer(fx.queue, ann, { status: ["queued", "running"], limit: 1, cursor: first.body.nextCursor! });
    expect(second.body.counts).toBeNull();
    expect(second.body.summary).toBeNull();
    expect((await listJobsForViewer(fx.queue, ann, { kind: "analysis" })).body.counts).toEqual({ queued: 1, running: 0, succeeded: 0, failed: 0, cancelled: 1 });
    expect((await listJobsForViewer(fx.queue, ann, { withCounts: false })).body.counts).toBeNull();
    expect((await listJobsForViewer(fx.queue, admin, {})).body.counts?.queued).toBe(3);
    expect((await listJobsForViewer(fx.queue, admin, { mine: true })).body.counts?.queued).toBe(0);
  });

  it("counts (bounded or exact) exactly the jobs the list shows, for every filter", async () => {
    const { batchId } = await fx.queue.enqueueMany(
      ["Analyse 600519", "analyse 000001", "Import a_b.csv", "Import axb.csv", "Analyse 300750"].map((name, i) => ({
        kind: i >= 2 && i <= 3 ? "dataset-import" : "analysis",
        name,
        payload: {},
      })),
      { ownerId: ann.id, batchName: "mixed" },
    );
    const { jobIds: more } = await fx.queue.enqueueMany(
      [1, 2, 3, 4].map((i) => ({ kind: "analysis", name: `Analyse 60051${i}`, payload: {} })),
      { ownerId: ann.id },
    );
    await fx.queue.enqueue({ kind: "analysis", name: "Analyse 600519", payload: {}, ownerId: bob.id });
    await setJob(more[0]!, { status: "succeeded", finishedAt: new Date("2030-01-02T00:00:00Z"), createdAt: new Date("2030-01-01T00:00:00Z") });
    await setJob(more[1]!, { status: "failed", finishedAt: new Date("2030-01-03T00:00:00Z"), createdAt: new Date("2030-01-02T00:00:00Z") });
    await setJob(more[2]!, { status: "running", startedAt: new Date() });

    const filters = [
      {},
      { ownerId: ann.id },
      { ownerId: ann.id, kind: "dataset-import" },
      { ownerId: ann.id, batchId: batchId! },
      { ownerId: ann.id, search: "ANALYSE 6005" },
      { search: "a_b" },
      { ownerId: ann.id, createdFrom: new Date("2030-01-01T12:00:00Z"), createdTo: new Date("2030-01-02T12:00:00Z") },
      { finishedFrom: new Date("2030-01-02T12:00:00Z") },
      { ownerId: ann.id, status: ["queued" as const, "running" as const] },
    ];
    for (const filter of filters) {
      const listed = (await fx.queue.list(filter, { limit: 200, counts: false })).jobs;
      const expected = { queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 } as Record<string, number>;
      for (const job of listed) expected[job.status]! += 1;
      expect(await fx.queue.counts(filter, { atMost: 100 }), JSON.stringify(filter)).toEqual(expected);
      expect(await fx.queue.counts(filter), JSON.stringify(filter)).toEqual(expected);
    }
    expect((await fx.queue.counts({ ownerId: ann.id }, { atMost: 2 })).queued).toBe(3);
  });

  it("summarises what runs now and how today's finished jobs ended, for the viewer's jobs only", async () => {
    const today = new Date("2030-05-06T00:00:00+08:00");
    const { jobIds } = await fx.queue.enqueueMany(
      [1, 2, 3, 4, 5, 6].map((i) => ({ kind: "analysis", name: `Job ${i}`, payload: {} })),
      { ownerId: ann.id },
    );
    const [queued, running, okToday, failedToday, failedYesterday, cancelledToday] = jobIds as [string, string, string, string, string, string];
    void queued;
    await setJob(running, { status: "running", startedAt: new Date() });
    await setJob(okToday, { status: "succeeded", finishedAt: new Date("2030-05-06T09:00:00+08:00") });
    await setJob(failedToday, { status: "failed", finishedAt: new Date("2030-05-06T00:00:00+08:00") });
    await setJob(failedYesterday, { status: "failed", finishedAt: new Date("2030-05-05T23:59:59+08:00") });
    await setJob(cancelledToday, { status: "cancelled", finishedAt: new Date("2030-05-06T12:00:00+08:00") });
    const { jobIds: bobs } = await fx.queue.enqueueMany([{ kind: "analysis", name: "Bob's", payload: {} }], { ownerId: bob.id });
    await setJob(bobs[0]!, { status: "failed", finishedAt: new Date("2030-05-06T10:00:00+08:00") });

    const { summary } = (await listJobsForViewer(fx.queue, ann, { today, status: ["failed"] })).body;
    expect(summary).toEqual({ running: 1, queued: 1, since: today.toISOString(), succeeded: 1, failed: 1, cancelled: 1 });
    expect((await listJobsForViewer(fx.queue, admin, { today })).body.summary).toMatchObject({ succeeded: 1, failed: 2, cancelled: 1 });
  });

  it("sums up each batch on the page, and never shows another user's batch", async () => {
    const { batchId, jobIds } = await fx.queue.enqueueMany(
      [1, 2, 3, 4].map((i) => ({ kind: "analysis", name: `Job ${i}`, payload: {} })),
      { ownerId: ann.id, batchName: "four" },
    );
    await setJob(jobIds[0]!, { status: "succeeded", progress: 100, finishedAt: new Date() });
    await setJob(jobIds[1]!, { status: "failed", progress: 30, finishedAt: new Date() });
    await setJob(jobIds[2]!, { status: "running", progress: 50, startedAt: new Date() });

    const { batches } = (await listJobsForViewer(fx.queue, ann, { status: ["queued"] })).body;
    expect(batches).toEqual([
      { id: batchId, name: "four", total: 4, counts: { queued: 1, running: 1, succeeded: 1, failed: 1, cancelled: 0 }, progress: 62 },
    ]);
    const asBob = (await listJobsForViewer(fx.queue, bob, { batchId: batchId! })).body;
    expect(asBob.jobs).toEqual([]);
    expect(asBob.batches).toEqual([]);
    expect((await listJobsForViewer(fx.queue, admin, { batchId: batchId! })).body.batches.map((b) => b.name)).toEqual(["four"]);
  });

  it("names each job's owner, so admins can tell whose it is", async () => {
    await fx.queue.enqueue({ kind: "analysis", name: "Ann's", payload: {}, ownerId: ann.id });
    await fx.queue.enqueue({ kind: "analysis", name: "Bob's", payload: {}, ownerId: bob.id });
    const owners = (await listJobsForViewer(fx.queue, admin, {})).body.jobs.map((j) => [j.name, j.ownerEmail]);
    expect(owners.sort()).toEqual([["Ann's", "ann@x.io"], ["Bob's", "bob@x.io"]]);
  });

  it("changes the ETag when a job's status changes even if the page stays the same", async () => {
    const { jobId } = await fx.queue.enqueue({ kind: "analysis", name: "j", payload: {}, ownerId: ann.id });
    const before = await listJobsForViewer(fx.queue, ann, { status: ["succeeded"] });
    await fx.queue.cancel(jobId);
    const after = await listJobsForViewer(fx.queue, ann, { status: ["succeeded"] });
    expect(after.body.jobs).toEqual(before.body.jobs);
    expect(after.etag).not.toBe(before.etag);
  });
});

describe("bulk actions", () => {
  it("apply to each job the viewer may act on and report the others with the reason", async () => {
    const { jobIds } = await fx.queue.enqueueMany(
      [1, 2].map((i) => ({ kind: "analysis", name: `Job ${i}`, payload: {} })),
      { ownerId: ann.id },
    );
    const { jobId: bobs } = await fx.queue.enqueue({ kind: "analysis", name: "Bob's", payload: {}, ownerId: bob.id });
    await setJob(jobIds[1]!, { status: "succeeded", finishedAt: new Date() });

    const results = await applyBulkJobActionForViewer(fx.queue, ann, { action: "cancel", ids: [jobIds[0]!, jobIds[1]!, bobs] });
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results[1]!.error).toMatch(/already finished/);
    expect(results[2]!.error).toBe("No such job");
    expect((await fx.queue.get(jobIds[0]!))?.status).toBe("cancelled");
    expect((await fx.queue.get(bobs))?.status).toBe("queued");

    const retried = await applyBulkJobActionForViewer(fx.queue, ann, { action: "retry", ids: [jobIds[0]!] });
    expect(retried).toEqual([{ id: jobIds[0], ok: true }]);
    await fx.queue.cancel(jobIds[0]!);
    const deleted = await applyBulkJobActionForViewer(fx.queue, ann, { action: "delete", ids: jobIds });
    expect(deleted.every((r) => r.ok)).toBe(true);
    expect((await listJobsForViewer(fx.queue, ann, {})).body.jobs).toEqual([]);
  });
});

describe("a job's details", () => {
  it("list its attempts from the event log, with the error of the failed one and the worker that ran each", async () => {
    let runs = 0;
    fx.queue.define("flaky", async () => {
      if (++runs === 1) throw new Error("feed timed out");
      return { ok: true };
    });
    const { jobId } = await fx.queue.enqueue({ kind: "flaky", name: "Flaky", payload: { symbol: "600519" }, ownerId: ann.id, maxAttempts: 2 });
    const worker = await fx.queue.startWorker({ concurrency: 1, pollIntervalMs: 20, backoff: { baseMs: 10, maxMs: 20 } });
    await waitForStatus(fx.queue, jobId, "succeeded");

    const job = await getJobForViewer(fx.queue, ann, jobId);
    expect(job.attemptHistory.map((a) => [a.number, a.outcome, a.workerId])).toEqual([
      [1, "retry_scheduled", worker.id],
      [2, "succeeded", worker.id],
    ]);
    expect(job.attemptHistory[0]!.message).toContain("feed timed out");
    expect(job.attemptHistory[1]!.endedAt).not.toBeNull();
    expect(job.payload).toEqual({ symbol: "600519" });
  });
});
