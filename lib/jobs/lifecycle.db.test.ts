import { describe, expect, it } from "vitest";
import { PermanentJobError } from "./errors";
import { setupTestQueue, sleep, statusOf, waitFor, waitForStatus } from "./test-support";

const suite = setupTestQueue();

const eventTypes = async (id: string) => (await suite.queue.get(id))!.events.map((e) => e.type);

describe("cancel", () => {
  it("cancels a queued job before it starts", async () => {
    const { jobId } = await suite.queue.enqueue({ kind: "never", name: "queued only", payload: {} });
    expect(await suite.queue.cancel(jobId)).toBe("cancelled");
    expect(await statusOf(suite.queue, jobId)).toBe("cancelled");
    expect(await suite.queue.cancel(jobId)).toBe("already-finished");
    expect(await suite.queue.cancel("no-such-job")).toBe("not-found");
  });

  it("runs a handler that returns its result without a promise", async () => {
    // JobHandler's type asks for a promise; a handler written in plain JavaScript may not return one.
    suite.queue.define("plain", ((ctx: { payload: { n: number } }) => ({ doubled: ctx.payload.n * 2 })) as never);
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "plain", name: "plain", payload: { n: 21 } });
    await waitForStatus(suite.queue, jobId, "succeeded");
    expect((await suite.queue.get(jobId))!.result).toEqual({ doubled: 42 });
  });

  it("records progress and log lines from the context's functions, also taken off the context", async () => {
    let keys: string[] = [];
    let signal: unknown = null;
    suite.queue.define("reporting", async (ctx) => {
      // The context holds the job's data and nothing of the worker's (its store, its connections).
      keys = Object.keys(ctx).sort();
      ({ signal } = ctx);
      const { progress, log } = ctx;
      progress(40, "Half way");
      log("a line from the handler");
      progress(100, "Done");
    });
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "reporting", name: "reporting", payload: {} });
    await waitForStatus(suite.queue, jobId, "succeeded");
    const job = (await suite.queue.get(jobId))!;
    expect(job.events.map((e) => [e.type, e.message])).toEqual([
      ["queued", null],
      ["started", expect.stringMatching(/^started on /)],
      ["progress", "40% Half way"],
      ["log", "a line from the handler"],
      ["progress", "100% Done"],
      ["succeeded", null],
    ]);
    expect(keys).toEqual(["attempt", "db", "jobId", "kind", "maxAttempts", "ownerId", "payload"]);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect((signal as AbortSignal).aborted).toBe(false);
  });

  it("fires the running handler's AbortSignal and ends the job cancelled", async () => {
    let abortedWith: unknown = null;
    suite.queue.define("long", async (ctx) => {
      ctx.progress(10, "working");
      try {
        await sleep(30_000, ctx.signal);
      } catch (err) {
        abortedWith = err;
        throw err;
      }
    });
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "long", name: "long", payload: {} });
    await waitForStatus(suite.queue, jobId, "running");
    const t0 = Date.now();
    expect(await suite.queue.cancel(jobId)).toBe("cancel-requested");
    await waitForStatus(suite.queue, jobId, "cancelled", 2_000);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(abortedWith).toBeTruthy();
    expect(await eventTypes(jobId)).toEqual(expect.arrayContaining(["queued", "started", "cancel_requested", "cancelled"]));
  });

  it("stops a handler that ignores its signal and frees the slot", async () => {
    suite.queue.define("stubborn", () => new Promise(() => {}));
    suite.queue.define("quick", async () => ({ ok: true }));
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "stubborn", name: "stubborn", payload: {} });
    await waitForStatus(suite.queue, jobId, "running");
    await suite.queue.cancel(jobId);
    await waitForStatus(suite.queue, jobId, "cancelled");
    const { jobId: next } = await suite.queue.enqueue({ kind: "quick", name: "quick", payload: {} });
    await waitForStatus(suite.queue, next, "succeeded");
  });
});

describe("failures and retries", () => {
  it("retries transient errors with backoff, then succeeds", async () => {
    let calls = 0;
    suite.queue.define("flaky", async (ctx) => {
      calls++;
      if (ctx.attempt < 3) throw new Error(`flake ${ctx.attempt}`);
      return { attempt: ctx.attempt };
    });
    await suite.queue.startWorker({ concurrency: 1, backoff: { baseMs: 50, maxMs: 200 }, pollIntervalMs: 50 });
    const { jobId } = await suite.queue.enqueue({ kind: "flaky", name: "flaky", payload: {}, maxAttempts: 3 });
    await waitForStatus(suite.queue, jobId, "succeeded");
    const job = (await suite.queue.get(jobId))!;
    expect(calls).toBe(3);
    expect(job.attempts).toBe(3);
    expect(job.result).toEqual({ attempt: 3 });
    expect(job.events.filter((e) => e.type === "retry_scheduled")).toHaveLength(2);
    expect(job.events.find((e) => e.type === "retry_scheduled")?.message).toContain("flake 1");
  });

  it("fails once attempts are used up, keeping the error and its stack", async () => {
    suite.queue.define("broken", async () => {
      throw new Error("database exploded");
    });
    await suite.queue.startWorker({ concurrency: 1, backoff: { baseMs: 20, maxMs: 40 }, pollIntervalMs: 20 });
    const { jobId } = await suite.queue.enqueue({ kind: "broken", name: "broken", payload: {}, maxAttempts: 2 });
    await waitForStatus(suite.queue, jobId, "failed");
    const job = (await suite.queue.get(jobId))!;
    expect(job.attempts).toBe(2);
    expect(job.errorMessage).toBe("database exploded");
    expect(job.errorStack).toContain("lifecycle.db.test.ts");
  });

  it("fails permanent errors at once, without retrying", async () => {
    suite.queue.define("bad-input", async () => {
      throw new PermanentJobError("symbol ZZZZ has no data");
    });
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "bad-input", name: "bad", payload: {}, maxAttempts: 5 });
    await waitForStatus(suite.queue, jobId, "failed");
    const job = (await suite.queue.get(jobId))!;
    expect(job.attempts).toBe(1);
    expect(job.errorMessage).toBe("symbol ZZZZ has no data");
  });

  it("times a job out with the kind's timeout and keeps the worker alive", async () => {
    suite.queue.define("hang", () => new Promise(() => {}), { timeoutMs: 200, maxAttempts: 1 });
    suite.queue.define("ok", async () => ({ fine: true }));
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "hang", name: "hang", payload: {}, maxAttempts: 1 });
    await waitForStatus(suite.queue, jobId, "failed", 5_000);
    expect((await suite.queue.get(jobId))!.errorMessage).toMatch(/timed out after 200 ms/);
    const { jobId: next } = await suite.queue.enqueue({ kind: "ok", name: "ok", payload: {} });
    await waitForStatus(suite.queue, next, "succeeded");
  });

  it("survives handlers that throw non-errors or have no handler registered", async () => {
    suite.queue.define("throws-string", async () => {
      throw "plain string";
    });
    suite.queue.define("ok", async () => ({}));
    await suite.queue.startWorker({ concurrency: 2, backoff: { baseMs: 10, maxMs: 10 }, pollIntervalMs: 20 });
    const { jobId } = await suite.queue.enqueue({ kind: "throws-string", name: "s", payload: {}, maxAttempts: 1 });
    await waitForStatus(suite.queue, jobId, "failed");
    expect((await suite.queue.get(jobId))!.errorMessage).toBe("plain string");
    const { jobId: ok } = await suite.queue.enqueue({ kind: "ok", name: "ok", payload: {} });
    await waitForStatus(suite.queue, ok, "succeeded");
  });

  it("retries a failed or cancelled job on demand", async () => {
    let fail = true;
    suite.queue.define("once-bad", async () => {
      if (fail) throw new PermanentJobError("not yet");
      return { done: true };
    });
    await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "once-bad", name: "x", payload: {} });
    await waitForStatus(suite.queue, jobId, "failed");
    fail = false;
    expect(await suite.queue.retry(jobId)).toBe("queued");
    await waitForStatus(suite.queue, jobId, "succeeded");
    const job = (await suite.queue.get(jobId))!;
    expect(job.attempts).toBe(1);
    expect(job.errorMessage).toBeNull();
    expect(await suite.queue.retry(jobId)).toBe("not-retryable");
  });
});

describe("enqueue", () => {
  it("returns the existing jobs for a repeated idempotency key from the same owner", async () => {
    const owner = await suite.database.db.user.create({ data: { email: "a@example.com", passwordHash: "x" } });
    const other = await suite.database.db.user.create({ data: { email: "b@example.com", passwordHash: "x" } });
    const specs = [1, 2, 3].map((i) => ({ kind: "k", name: `n${i}`, payload: { i } }));
    const [a, b] = await Promise.all([
      suite.queue.enqueueMany(specs, { ownerId: owner.id, batchName: "b", idempotencyKey: "click-1" }),
      suite.queue.enqueueMany(specs, { ownerId: owner.id, batchName: "b", idempotencyKey: "click-1" }),
    ]);
    expect(b.jobIds).toEqual(a.jobIds);
    expect(b.batchId).toBe(a.batchId);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    const theirs = await suite.queue.enqueueMany(specs, { ownerId: other.id, batchName: "b", idempotencyKey: "click-1" });
    expect(theirs.existing).toBe(false);
    expect(await suite.database.db.job.count()).toBe(6);
  });

  it("records a batch of 5,000 jobs in one call", async () => {
    const specs = Array.from({ length: 5_000 }, (_, i) => ({ kind: "bulk", name: `Job ${i}`, payload: { i } }));
    const { jobIds, batchId } = await suite.queue.enqueueMany(specs, { batchName: "big" });
    expect(jobIds).toHaveLength(5_000);
    expect(await suite.database.db.job.count({ where: { batchId } })).toBe(5_000);
    const last = (await suite.queue.get(jobIds[4_999]!))!;
    expect(last.events.map((e) => [e.type, e.createdAt.getTime()])).toEqual([["queued", last.createdAt.getTime()]]);
  });

  it("runs higher priority first and holds delayed jobs until their time", async () => {
    const order: string[] = [];
    suite.queue.define("p", async (ctx) => void order.push((ctx.payload as { n: string }).n));
    await suite.queue.enqueueMany([
      { kind: "p", name: "low", payload: { n: "low" }, priority: 0 },
      { kind: "p", name: "high", payload: { n: "high" }, priority: 10 },
      { kind: "p", name: "later", payload: { n: "later" }, priority: 100, runAt: new Date(Date.now() + 600) },
    ]);
    await suite.queue.startWorker({ concurrency: 1, pollIntervalMs: 50 });
    await waitFor("3 done", async () => order.length === 3);
    expect(order).toEqual(["high", "low", "later"]);
  });
});

describe("listing", () => {
  it("pages with a cursor, newest first, and counts by status per owner", async () => {
    const owner = await suite.database.db.user.create({ data: { email: "c@example.com", passwordHash: "x" } });
    await suite.queue.enqueueMany(
      Array.from({ length: 25 }, (_, i) => ({ kind: i % 2 ? "analysis" : "dataset-import", name: `Analyse ${1000 + i}`, payload: {} })),
      { ownerId: owner.id },
    );
    await suite.queue.enqueue({ kind: "analysis", name: "someone else's", payload: {} });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await suite.queue.list({ ownerId: owner.id }, { cursor, limit: 10 });
      seen.push(...page.jobs.map((j) => j.id));
      expect(page.counts.queued).toBe(25);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(25);
    const found = await suite.queue.list({ ownerId: owner.id, search: "analyse 1007", kind: "analysis" });
    expect(found.jobs.map((j) => j.name)).toEqual(["Analyse 1007"]);
    await expect(suite.queue.list({}, { cursor: "garbage" })).rejects.toThrow(/cursor/);
  });

  it("deletes only finished jobs", async () => {
    const { jobId } = await suite.queue.enqueue({ kind: "k", name: "n", payload: {} });
    expect(await suite.queue.remove(jobId)).toBe("not-finished");
    await suite.queue.cancel(jobId);
    expect(await suite.queue.remove(jobId)).toBe("deleted");
    expect(await suite.queue.get(jobId)).toBeNull();
    expect(await suite.queue.remove(jobId)).toBe("not-found");
  });
});

describe("shutdown", () => {
  it("lets running jobs finish within the grace period", async () => {
    suite.queue.define("short", async (ctx) => {
      await sleep(200, ctx.signal);
      return { finished: true };
    });
    const worker = await suite.queue.startWorker({ concurrency: 2 });
    const { jobId } = await suite.queue.enqueue({ kind: "short", name: "short", payload: {} });
    await waitForStatus(suite.queue, jobId, "running");
    await worker.stop({ graceMs: 5_000 });
    expect(await statusOf(suite.queue, jobId)).toBe("succeeded");
  });

  it("releases jobs still running after the grace period so another worker takes them", async () => {
    suite.queue.define("slow", async (ctx) => {
      await sleep(10_000, ctx.signal);
    });
    const worker = await suite.queue.startWorker({ concurrency: 1 });
    const { jobId } = await suite.queue.enqueue({ kind: "slow", name: "slow", payload: {} });
    await waitForStatus(suite.queue, jobId, "running");
    await worker.stop({ graceMs: 100 });
    const job = (await suite.queue.get(jobId))!;
    expect(job.status).toBe("queued");
    expect(job.attempts).toBe(0);
    expect(job.events.map((e) => e.type)).toContain("released");
  });
});
