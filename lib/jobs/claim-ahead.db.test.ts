import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import type { Clock } from "./types";

/** Real time, but never the same millisecond twice: each claim's "started" events get a time of their own. */
function distinctClock(): Clock {
  let last = 0;
  return { now: () => new Date((last = Math.max(Date.now(), last + 1))) };
}

let database: TestDatabase;
let queue: JobQueue;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue({ clock: distinctClock() }));
});

afterEach(async () => {
  await queue.close({ graceMs: 0 });
  await database.drop();
});

/** Sizes of the claims that started these jobs: a claim records its jobs' start at one time. */
async function claimSizes(jobIds: string[]): Promise<number[]> {
  const jobs = await database.db.job.findMany({ where: { id: { in: jobIds } }, select: { startedAt: true } });
  const byClaim = new Map<number, number>();
  for (const { startedAt } of jobs) byClaim.set(startedAt!.getTime(), (byClaim.get(startedAt!.getTime()) ?? 0) + 1);
  return [...byClaim.values()];
}

/** Defines a no-op kind that counts the handlers running at once. */
function defineNoop(kind = "noop") {
  const seen = { running: 0, peak: 0, runs: [] as number[] };
  queue.define<{ i: number }>(kind, async (ctx) => {
    seen.peak = Math.max(seen.peak, ++seen.running);
    seen.runs.push(ctx.payload.i);
    await Promise.resolve();
    seen.running--;
  });
  return seen;
}

const enqueueNoops = (count: number, kind = "noop") =>
  queue.enqueueMany(Array.from({ length: count }, (_, i) => ({ kind, name: `noop ${i}`, payload: { i } })));

async function allSucceeded(jobIds: string[]) {
  await waitFor("all jobs succeeded", async () => (await database.db.job.count({ where: { id: { in: jobIds }, status: "succeeded" } })) === jobIds.length, 30_000);
}

describe("claiming very short jobs ahead of the free slots", () => {
  it("claims more jobs at a time than it has slots, and still runs no more handlers at once than its slots", async () => {
    const seen = defineNoop();
    const { jobIds } = await enqueueNoops(400);
    await queue.startWorker({ concurrency: 2 });
    await allSucceeded(jobIds);

    expect(Math.max(...(await claimSizes(jobIds)))).toBeGreaterThan(2);
    expect(seen.peak).toBeLessThanOrEqual(2);
    expect(seen.runs.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const jobs = await Promise.all(jobIds.map(async (id) => (await queue.get(id))!));
    expect(new Set(jobs.map((j) => `${j.attempts} ${j.events.map((e) => e.type).join(",")}`))).toEqual(new Set(["1 queued,started,succeeded"]));
  });

  it("sends the next claim of very short jobs before the jobs of the last one start", async () => {
    const handlerStarts = new Map<string, number>();
    queue.define("noop", async (ctx) => {
      handlerStarts.set(ctx.jobId, Date.now());
    });
    const { jobIds } = await enqueueNoops(900);
    await queue.startWorker({ concurrency: 2 });
    await allSucceeded(jobIds);

    // A claim records its jobs' start when it is sent, one time per claim (the clock never repeats).
    const jobs = await database.db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, startedAt: true } });
    const lastHandlerStart = new Map<number, number>();
    for (const { id, startedAt } of jobs) {
      const sent = startedAt!.getTime();
      lastHandlerStart.set(sent, Math.max(lastHandlerStart.get(sent) ?? 0, handlerStarts.get(id)!));
    }
    const claims = [...lastHandlerStart].toSorted(([a], [b]) => a - b);
    const sentBeforePreviousRan = claims.slice(1).filter(([sent], i) => sent < claims[i]![1]);
    expect(sentBeforePreviousRan.length).toBeGreaterThan(0);
  });

  it("leaves no job claimed when it stops while a claim of short jobs is on its way", async () => {
    defineNoop();
    await enqueueNoops(5_000);
    await queue.startWorker({ concurrency: 2 });
    await waitFor("jobs running in claims of hundreds", async () => (await database.db.job.count({ where: { status: "succeeded" } })) >= 1_000);
    await queue.close({ graceMs: 0 });

    expect(await database.db.job.count({ where: { status: "running" } })).toBe(0);
    const succeeded = await database.db.job.count({ where: { status: "succeeded" } });
    expect(succeeded + (await database.db.job.count({ where: { status: "queued" } }))).toBe(5_000);
  });

  it("claims only what its slots start at once when claiming ahead is off", async () => {
    defineNoop();
    const { jobIds } = await enqueueNoops(100);
    await queue.startWorker({ concurrency: 2, claimAheadMs: 0 });
    await allSucceeded(jobIds);
    expect(Math.max(...(await claimSizes(jobIds)))).toBeLessThanOrEqual(2);
  });

  it("never claims ahead jobs whose handlers take longer than its budget's share of a slot", async () => {
    queue.define("slow", () => new Promise((resolve) => setTimeout(resolve, 30)));
    const { jobIds } = await queue.enqueueMany(Array.from({ length: 24 }, (_, i) => ({ kind: "slow", name: `slow ${i}`, payload: {} })));
    await queue.startWorker({ concurrency: 2, claimAheadMs: 20 });
    await allSucceeded(jobIds);
    expect(Math.max(...(await claimSizes(jobIds)))).toBeLessThanOrEqual(2);
  });

  it("claims only what its slots start once the short jobs ran out, when longer ones of the same kind come next", async () => {
    queue.define<{ ms: number }>("mixed", (ctx) => new Promise((resolve) => setTimeout(resolve, ctx.payload.ms)));
    await queue.startWorker({ concurrency: 2, claimAheadMs: 20 });
    const short = await queue.enqueueMany(Array.from({ length: 300 }, (_, i) => ({ kind: "mixed", name: `short ${i}`, payload: { ms: 0 } })));
    await allSucceeded(short.jobIds);
    expect(Math.max(...(await claimSizes(short.jobIds)))).toBeGreaterThan(2);

    const long = await queue.enqueueMany(Array.from({ length: 8 }, (_, i) => ({ kind: "mixed", name: `long ${i}`, payload: { ms: 100 } })));
    await allSucceeded(long.jobIds);
    expect(Math.max(...(await claimSizes(long.jobIds)))).toBeLessThanOrEqual(2);
  });

  it("ends a job cancelled while it waits for a slot without running it, and gives waiting jobs back when it stops", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    queue.define<{ role: string }>("noop", async (ctx) => {
      ran.push(ctx.payload.role);
      if (ctx.payload.role === "blocker") await Promise.race([gate, new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)))]);
    });
    // Short jobs first, so the worker knows its kind for short and opens its window; then one that
    // blocks the only slot, and three claimed with it or after it, which wait.
    const { jobIds } = await queue.enqueueMany([
      ...Array.from({ length: 100 }, (_, i) => ({ kind: "noop", name: `short ${i}`, payload: { role: "short" } })),
      { kind: "noop", name: "blocker", payload: { role: "blocker" }, priority: -1 },
      ...[1, 2, 3].map((i) => ({ kind: "noop", name: `behind ${i}`, payload: { role: "behind" }, priority: -2 })),
    ]);
    const [blockerId, cancelledId, ...restIds] = jobIds.slice(100) as [string, string, ...string[]];
    await queue.startWorker({ concurrency: 1, claimAheadMs: 60_000 });
    await waitFor("the blocker running and the jobs behind it claimed", async () =>
      ran.includes("blocker") && (await database.db.job.count({ where: { id: { in: [blockerId, cancelledId, ...restIds] }, status: "running" } })) === 4,
    );

    expect(await queue.cancel(cancelledId)).toBe("cancel-requested");
    await waitForStatus(queue, cancelledId, "cancelled");

    await queue.close({ graceMs: 0 });
    for (const id of [blockerId, ...restIds]) expect((await queue.get(id))?.status).toBe("queued");
    expect(ran.filter((role) => role !== "short")).toEqual(["blocker"]);
    const cancelled = (await queue.get(cancelledId))!;
    expect(cancelled.events.map((e) => e.type)).toEqual(["queued", "started", "cancel_requested", "cancelled"]);
    release();
  });
});
