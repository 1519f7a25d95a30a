/*
 * Handlers that misbehave inside a real worker process: one that never returns (and ignores its
 * abort signal) is failed by its kind's timeout; one whose pool task leaks memory gets its thread
 * recycled at the pool's heap limit. Both fail with a clear message, the process survives, and
 * every other job — including ones that need the freed slots and a fresh pool thread — runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor } from "./test-support";
import type { CpuResult } from "./testing/cpu-task";
import { killAllWorkerProcesses, startWorkerProcess } from "./testing/processes";
import { HANG_TIMEOUT_MS, readRecords } from "./testing/test-kinds";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-stuck-"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const finished = (ids: string[]) => database.db.job.count({ where: { id: { in: ids }, status: { in: ["succeeded", "failed", "cancelled"] } } });

describe("a worker process with misbehaving handlers", () => {
  it("times out a handler that never returns and recycles a thread that leaks memory, with clear errors, and keeps running the rest", async () => {
    const worker = await startWorkerProcess({ DATABASE_URL: database.url, WORKER_CONCURRENCY: "3", POLL_MS: "100", POOL_MAX_OLD_MB: "64" });
    const { jobId: hang } = await queue.enqueue({ kind: "hang", name: "never returns", payload: {}, maxAttempts: 1 });
    const { jobId: leak } = await queue.enqueue({ kind: "leak", name: "leaks memory", payload: {}, maxAttempts: 1 });
    const { jobIds: records } = await queue.enqueueMany(Array.from({ length: 30 }, (_, i) => ({ kind: "record", name: `record ${i}`, payload: { dir } })));
    const { jobId: cpu } = await queue.enqueue({ kind: "cpu", name: "primes after the leak", payload: { n: 1_000_000 }, maxAttempts: 1 });
    const all = [hang, leak, cpu, ...records];
    await waitFor("every job to end", async () => (await finished(all)) === all.length, 90_000);

    const hung = (await queue.get(hang))!;
    expect(hung.status).toBe("failed");
    expect(hung.errorMessage).toBe(`timed out after ${HANG_TIMEOUT_MS} ms`);
    expect(hung.events.map((e) => e.type)).toEqual(["queued", "started", "failed"]);

    const leaked = (await queue.get(leak))!;
    expect(leaked.status).toBe("failed");
    expect(leaked.errorMessage).toMatch(/memory limit/i);

    // The rest ran, in the same process, the CPU job on a pool thread after the leaking one was recycled.
    expect(await database.db.job.count({ where: { id: { in: records }, status: "succeeded" } })).toBe(records.length);
    expect(new Set(readRecords(dir).map((r) => r.pid))).toEqual(new Set([worker.pid]));
    const primes = (await queue.get(cpu))!;
    expect(primes.status).toBe("succeeded");
    expect((primes.result as unknown as CpuResult).primes).toBe(78_498);
    expect(worker.child.exitCode).toBeNull();

    // The abandoned handler's slot is free again: three jobs run at once in this 3-slot worker.
    const { jobIds: three } = await queue.enqueueMany([0, 1, 2].map((i) => ({ kind: "sleep", name: `slot ${i}`, payload: { ms: 2_000 } })));
    await waitFor("3 jobs running together", async () => (await database.db.job.count({ where: { id: { in: three }, status: "running" } })) === 3, 10_000);
    await waitFor("the 3 to succeed", async () => (await database.db.job.count({ where: { id: { in: three }, status: "succeeded" } })) === 3, 20_000);
  });
});
