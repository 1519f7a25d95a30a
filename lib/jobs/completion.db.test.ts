/*
 * Jobs that finish together are recorded together (lib/jobs/completion-batch.ts): one transaction
 * for their statuses. A job the worker lost meanwhile (another worker owns it now) is left alone:
 * not marked succeeded.
 */
import { describe, expect, it } from "vitest";
import { setupTestQueue, waitFor } from "./test-support";

const suite = setupTestQueue();

describe("recording finished jobs", () => {
  it("records jobs finishing together in one batch, and never marks or logs a job the worker lost", async () => {
    const { queue, database } = suite;
    const { db } = database;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let started = 0;
    queue.define("gated", async (ctx) => {
      started++;
      await gate;
      return { i: (ctx.payload as { i: number }).i };
    });
    const worker = await queue.startWorker({ concurrency: 6 });
    const { jobIds } = await queue.enqueueMany(Array.from({ length: 6 }, (_, i) => ({ kind: "gated", name: `gated ${i}`, payload: { i } })));
    await waitFor("6 handlers running", async () => started === 6);

    // Another worker takes two of them over (as after an expired lease).
    const lost = jobIds.slice(0, 2);
    await db.job.updateMany({ where: { id: { in: lost } }, data: { workerId: "another-worker" } });
    finish();

    const kept = jobIds.slice(2);
    await waitFor("the kept jobs to succeed", async () => (await db.job.count({ where: { id: { in: kept }, status: "succeeded" } })) === kept.length);
    await waitFor("the worker to let go of every job", async () => worker.activeJobIds.length === 0);

    for (const id of lost) {
      const job = (await queue.get(id))!;
      expect({ status: job.status, workerId: job.workerId, result: job.result }).toEqual({ status: "running", workerId: "another-worker", result: null });
      expect(job.events.map((e) => e.type)).toEqual(["queued", "started"]);
    }
    const finished = await Promise.all(kept.map(async (id) => (await queue.get(id))!));
    for (const [n, job] of finished.entries()) {
      expect(job.result).toEqual({ i: n + 2 });
      expect(job.events.map((e) => [e.type, e.workerId])).toEqual([
        ["queued", null],
        ["started", worker.id],
        ["succeeded", worker.id],
      ]);
    }
    // One batch: a single write recorded them all at the same moment.
    expect(new Set(finished.map((j) => j.finishedAt!.getTime())).size).toBe(1);
  });
});
