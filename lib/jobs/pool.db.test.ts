/*
 * The worker-thread pool: CPU-heavy job code runs on pool threads (TypeScript task files loaded
 * through tsx), reports progress, can be cancelled (the thread is terminated), is contained by a
 * heap limit, and works the same in a standalone worker process.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId as mainThreadId } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import { closeSharedPool, sharedPool } from "./pool/pool";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import type { CpuResult } from "./testing/cpu-task";
import { killAllWorkerProcesses, startWorkerProcess } from "./testing/processes";
import { defineTestKinds } from "./testing/test-kinds";

/** π(n) for the sizes used here. */
const PRIMES: Record<number, number> = { 1_000_000: 78_498, 2_000_000: 148_933, 5_000_000: 348_513 };

let database: TestDatabase;
let queue: JobQueue;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  defineTestKinds(queue);
});
afterEach(async () => {
  await killAllWorkerProcesses();
  // Also destroys this process's pool, so each test starts with a pool built from its own options.
  await queue.close({ graceMs: 0 });
  await database.drop();
});

const cpuJob = (n: number, name = `primes up to ${n}`) => ({ kind: "cpu", name, payload: { n }, maxAttempts: 1 });

describe("the worker-thread pool", () => {
  it("runs a CPU job on a pool thread with the right answer and records its progress", async () => {
    await queue.startWorker({ concurrency: 1 });
    const n = 2_000_000;
    const { jobId } = await queue.enqueue(cpuJob(n));
    // Progress reaches the job row while the task is still computing.
    await waitFor(
      "progress while running",
      async () => {
        const job = await queue.get(jobId);
        return job?.status === "running" && job.progress > 0 && job.progress < 100;
      },
      30_000,
    );
    await waitForStatus(queue, jobId, "succeeded", 30_000);

    const job = (await queue.get(jobId))!;
    const result = job.result as unknown as CpuResult & { pid: number };
    expect(result).toMatchObject({ n, primes: PRIMES[n], pid: process.pid });
    expect(result.threadId).not.toBe(mainThreadId);
    const progress = job.events.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.message).toMatch(/^\d+% counting primes$/);
    expect(job.progress).toBe(100);
  }, 40_000);

  it("keeps the main event loop responsive while 3 CPU jobs compute in parallel threads", async () => {
    await queue.startWorker({ concurrency: 3 });
    const n = 5_000_000;
    const RESOLUTION_MS = 10;
    // Samples the time between timer ticks every RESOLUTION_MS; lag is what exceeds that interval.
    const ticks = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    ticks.enable();
    const { jobIds } = await queue.enqueueMany([0, 1, 2].map((i) => cpuJob(n, `cpu ${i}`)));
    // Watch with one cheap query every 100 ms, so that the test itself adds little main-thread work.
    await waitFor(
      "3 CPU jobs to succeed",
      async () => {
        await new Promise((r) => setTimeout(r, 100));
        return (await database.db.job.count({ where: { id: { in: jobIds }, status: "succeeded" } })) === 3;
      },
      40_000,
    );
    ticks.disable();

    const jobs = await database.db.job.findMany({ where: { id: { in: jobIds } } });
    const results = jobs.map((j) => j.result as unknown as CpuResult);
    expect(results.map((r) => r.primes)).toEqual([PRIMES[n], PRIMES[n], PRIMES[n]]);
    // Three different pool threads, none of them the main one, all computing at the same time.
    expect(new Set(results.map((r) => r.threadId)).size).toBe(3);
    expect(results.map((r) => r.threadId)).not.toContain(mainThreadId);
    const lastStart = Math.max(...jobs.map((j) => j.startedAt!.getTime()));
    const firstFinish = Math.min(...jobs.map((j) => j.finishedAt!.getTime()));
    expect(lastStart).toBeLessThan(firstFinish);

    const lagMs = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    const p99 = lagMs(ticks.percentile(99));
    const detail = `event-loop lag p50 ${lagMs(ticks.percentile(50)).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${lagMs(ticks.max).toFixed(1)} ms over ${ticks.count} ticks`;
    // A blocked loop would tick a few times in the jobs' seconds; latency figures belong to the benchmarks.
    expect(ticks.count, detail).toBeGreaterThan(50);
  }, 60_000);

  it("cancels a running CPU job within 2 s and terminates its thread", async () => {
    await queue.startWorker({ concurrency: 1 });
    const { jobId } = await queue.enqueue(cpuJob(50_000_000, "far too long"));
    await waitFor("the task computing", async () => (await queue.get(jobId))!.progress > 0, 20_000);
    const { pool } = sharedPool();
    const threads = pool.threads.map((t) => t.threadId);
    expect(threads).toHaveLength(1);

    const requested = Date.now();
    expect(await queue.cancel(jobId)).toBe("cancel-requested");
    await waitForStatus(queue, jobId, "cancelled", 2_000);
    expect(Date.now() - requested).toBeLessThan(2_000);
    const job = (await queue.get(jobId))!;
    expect(job.events.map((e) => e.type).filter((t) => t !== "progress")).toEqual(["queued", "started", "cancel_requested", "cancelled"]);
    // The thread that was computing is gone (a task cannot be interrupted, only its thread terminated).
    await waitFor("the busy thread to be terminated", async () => !pool.threads.some((t) => t.threadId === threads[0]), 2_000);

    // The pool goes on: the next job runs on a fresh thread.
    const { jobId: next } = await queue.enqueue(cpuJob(1_000_000));
    await waitForStatus(queue, next, "succeeded", 20_000);
    const result = (await queue.get(next))!.result as unknown as CpuResult;
    expect(result.primes).toBe(PRIMES[1_000_000]);
    expect(result.threadId).not.toBe(threads[0]);
  }, 40_000);

  it("fails a job whose task exceeds the pool's heap limit, with a clear error, and runs the next job", async () => {
    await closeSharedPool();
    await queue.startWorker({ concurrency: 1, pool: { maxOldGenerationSizeMb: 64 } });
    const { jobId } = await queue.enqueue({ kind: "leak", name: "leaks memory", payload: {}, maxAttempts: 1 });
    await waitForStatus(queue, jobId, "failed", 30_000);
    const failed = (await queue.get(jobId))!;
    expect(failed.errorMessage).toMatch(/memory limit/i);
    expect(failed.events.map((e) => e.type)).toEqual(["queued", "started", "failed"]);

    const { jobId: next } = await queue.enqueue(cpuJob(1_000_000));
    await waitForStatus(queue, next, "succeeded", 20_000);
    expect(((await queue.get(next))!.result as unknown as CpuResult).primes).toBe(PRIMES[1_000_000]);
  }, 60_000);

  it("runs a CPU job in the pool of a standalone worker process", async () => {
    const worker = await startWorkerProcess({ DATABASE_URL: database.url, POLL_MS: "100" });
    const n = 2_000_000;
    const { jobId } = await queue.enqueue(cpuJob(n));
    await waitForStatus(queue, jobId, "succeeded", 30_000);
    const job = (await queue.get(jobId))!;
    expect(job.workerId).toBe(worker.workerId);
    const result = job.result as unknown as CpuResult & { pid: number };
    expect(result).toMatchObject({ n, primes: PRIMES[n], pid: worker.pid });
    expect(result.threadId).not.toBe(0);
    expect(job.events.some((e) => e.type === "progress" && e.workerId === worker.workerId)).toBe(true);
  }, 40_000);
});
