/*
 * Recovering the job of a worker that died at the worst moment: after writing its run's ending event
 * and before the status (see transitionHeldJob). The SIGKILL chaos test hits this by chance
 * (postgres-faults.chaos.test.ts); here it is set up exactly.
 */
import { describe, expect, it } from "vitest";
import { setupTestQueue, waitForStatus } from "./test-support";
import { defineTestKinds } from "./testing/test-kinds";

const t = setupTestQueue();

describe("recovering an expired job", () => {
  it("takes back the ending event a dead worker wrote without its status, so the job's history shows the run it lost", async () => {
    const { queue, database } = t;
    defineTestKinds(queue);
    const { jobId } = await queue.enqueue({ kind: "noop", name: "died while finishing", payload: {} });
    const dead = "dead-host:1:abcdef";
    const past = new Date(Date.now() - 60_000);
    // The dead worker's run: claimed, cancelled on request, its "cancelled" event written, the status never.
    await database.db.job.update({ where: { id: jobId }, data: { status: "running", workerId: dead, attempts: 1, startedAt: past, leaseExpiresAt: past } });
    await database.db.jobEvent.create({ data: { jobId, type: "cancelled", workerId: dead, runStartedAt: past, createdAt: past } });

    await queue.startWorker({ concurrency: 1, leaseMs: 1_000, pollIntervalMs: 50 });
    await waitForStatus(queue, jobId, "succeeded", 10_000);
    const job = (await queue.get(jobId))!;
    expect(job.attempts).toBe(2);
    expect(job.events.map((e) => [e.type, e.workerId === dead])).toEqual([
      ["queued", false],
      ["started", true],
      ["lease_expired", true],
      ["started", false],
      ["succeeded", false],
    ]);
  });
});
