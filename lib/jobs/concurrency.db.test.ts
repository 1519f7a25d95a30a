import { describe, expect, it } from "vitest";
import { setupTestQueue, sleep, waitFor, waitForStatus } from "./test-support";

const suite = setupTestQueue();

describe("concurrency", () => {
  it("runs a batch of 3 at the same moment: all 3 running together, their runs overlapping", async () => {
    const JOB_MS = 1_500;
    suite.queue.define("sleep", async (ctx) => {
      await sleep(JOB_MS, ctx.signal);
      return { slept: JOB_MS };
    });
    await suite.queue.startWorker({ concurrency: 3 });
    const { jobIds, batchId } = await suite.queue.enqueueMany(
      [0, 1, 2].map((i) => ({ kind: "sleep", name: `Sleep ${i}`, payload: { i } })),
      { batchName: "three sleepers" },
    );
    expect(batchId).toBeTruthy();
    await waitFor("3 running", async () => (await suite.queue.counts()).running === 3, JOB_MS);
    await Promise.all(jobIds.map((id) => waitForStatus(suite.queue, id, "succeeded")));
    const jobs = await suite.database.db.job.findMany({ where: { id: { in: jobIds } } });
    const lastStart = Math.max(...jobs.map((j) => j.startedAt!.getTime()));
    const firstFinish = Math.min(...jobs.map((j) => j.finishedAt!.getTime()));
    expect(lastStart).toBeLessThan(firstFinish);
  });

  it("never runs more than the global and per-kind limits", async () => {
    let running = 0;
    let peak = 0;
    let peakLimited = 0;
    let limited = 0;
    suite.queue.define("a", async () => {
      peak = Math.max(peak, ++running);
      await sleep(30);
      running--;
    });
    suite.queue.define(
      "b",
      async () => {
        peak = Math.max(peak, ++running);
        peakLimited = Math.max(peakLimited, ++limited);
        await sleep(30);
        limited--;
        running--;
      },
      { concurrency: 1 },
    );
    await suite.queue.startWorker({ concurrency: 4 });
    const { jobIds } = await suite.queue.enqueueMany(
      Array.from({ length: 40 }, (_, i) => ({ kind: i % 2 ? "a" : "b", name: `job ${i}`, payload: {} })),
    );
    await waitFor("all done", async () => (await suite.queue.counts()).succeeded === jobIds.length, 30_000);
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
    expect(peakLimited).toBe(1);
  });

  it("claims only what its free slots start at once for jobs it has not seen finish: the rest stay queued, unclaimed and without a 'started' event", async () => {
    let started = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    suite.queue.define("gated", async () => {
      started++;
      await gate;
    });
    await suite.queue.startWorker({ concurrency: 2 });
    const { jobIds } = await suite.queue.enqueueMany(Array.from({ length: 6 }, (_, i) => ({ kind: "gated", name: `gated ${i}`, payload: {} })));
    await waitFor("2 handlers running", async () => started === 2);
    // The worker is woken again (as by further enqueues) while its slots are full.
    await suite.queue.enqueue({ kind: "other", name: "not handled here", payload: {} });
    await sleep(200);

    const jobs = await Promise.all(jobIds.map(async (id) => (await suite.queue.get(id))!));
    const running = jobs.filter((j) => j.status === "running");
    const waiting = jobs.filter((j) => j.status === "queued");
    expect(running).toHaveLength(2);
    expect(running.every((j) => j.startedAt && j.events.some((e) => e.type === "started"))).toBe(true);
    expect(waiting).toHaveLength(4);
    expect(waiting.map((j) => [j.workerId, j.attempts, j.startedAt, j.events.map((e) => e.type)])).toEqual(
      Array.from({ length: 4 }, () => [null, 0, null, ["queued"]]),
    );
    expect(started).toBe(2);

    finish();
    await Promise.all(jobIds.map((id) => waitForStatus(suite.queue, id, "succeeded")));
  });

  it("gives every job its own context: concurrent jobs never see each other's payload", async () => {
    const seen: Record<string, string> = {};
    suite.queue.define<{ symbol: string }>("isolated", async (ctx) => {
      const mine = ctx.payload.symbol;
      (ctx.payload as { symbol: string }).symbol = "MUTATED"; // must not leak into other jobs
      await sleep(50);
      seen[ctx.jobId] = mine;
      return { symbol: mine };
    });
    await suite.queue.startWorker({ concurrency: 3 });
    const symbols = ["AAPL", "MSFT", "SPX"];
    const { jobIds } = await suite.queue.enqueueMany(symbols.map((symbol) => ({ kind: "isolated", name: symbol, payload: { symbol } })));
    await Promise.all(jobIds.map((id) => waitForStatus(suite.queue, id, "succeeded")));
    for (const [i, id] of jobIds.entries()) {
      const job = await suite.queue.get(id);
      expect(job?.result).toEqual({ symbol: symbols[i] });
      expect(job?.payload).toEqual({ symbol: symbols[i] });
      expect(seen[id]).toBe(symbols[i]);
    }
  });

  it("starts the jobs of a batch, and batches enqueued one after another, in the order they were submitted", async () => {
    const order: number[] = [];
    suite.queue.define<{ n: number }>("ordered", async (ctx) => {
      order.push(ctx.payload.n);
    });
    const first = await suite.queue.enqueueMany(Array.from({ length: 40 }, (_, n) => ({ kind: "ordered", name: `#${n}`, payload: { n } })));
    const second = await suite.queue.enqueueMany(Array.from({ length: 40 }, (_, n) => ({ kind: "ordered", name: `#${n + 40}`, payload: { n: n + 40 } })));
    await suite.queue.startWorker({ concurrency: 1, claimAheadMs: 0 });
    await Promise.all([...first.jobIds, ...second.jobIds].map((id) => waitForStatus(suite.queue, id, "succeeded")));
    expect(order).toEqual(Array.from({ length: 80 }, (_, n) => n));
  });
});
