/*
 * Several real worker processes on one database: each job runs exactly once, and a job enqueued
 * (or a cancel requested) in one process reaches the workers of another at once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialect, type TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import { killAllWorkerProcesses, startWorkerProcess, startWorkerProcesses } from "./testing/processes";
import { readRecords } from "./testing/test-kinds";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-mp-"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("several worker processes on one database", () => {
  it("run 2,000 jobs enqueued at once, each exactly once, sharing the work", async () => {
    const JOBS = 2_000;
    const count = testDialect() === "postgres" ? 4 : 2;
    const workers = await startWorkerProcesses(count, { DATABASE_URL: database.url, WORKER_CONCURRENCY: "5", POLL_MS: "200" });
    const { jobIds } = await queue.enqueueMany(Array.from({ length: JOBS }, (_, i) => ({ kind: "record", name: `record ${i}`, payload: { dir } })));
    await waitFor(`${JOBS} jobs to succeed`, async () => (await queue.counts()).succeeded === JOBS, 45_000);

    // Executions, as the handlers themselves recorded them: every job exactly once.
    const runs = readRecords(dir).filter((r) => r.event === "run");
    const perJob = new Map<string, number>();
    for (const r of runs) perJob.set(r.jobId, (perJob.get(r.jobId) ?? 0) + 1);
    expect(runs).toHaveLength(JOBS);
    expect(new Set(perJob.keys())).toEqual(new Set(jobIds));
    expect([...perJob.values()].filter((n) => n !== 1)).toEqual([]);

    // The database agrees: one attempt per job, no run ended otherwise, by the worker that ran it.
    const jobs = await database.db.job.findMany({ select: { id: true, attempts: true, status: true, workerId: true } });
    expect(jobs).toHaveLength(JOBS);
    expect(jobs.filter((j) => j.attempts !== 1 || j.status !== "succeeded")).toEqual([]);
    expect(await database.db.jobEvent.count({ where: { runStartedAt: { not: null } } })).toBe(0);
    const pidOf = new Map(workers.map((w) => [w.workerId, w.pid]));
    const runPid = new Map(runs.map((r) => [r.jobId, r.pid]));
    expect(jobs.filter((j) => pidOf.get(j.workerId!) !== runPid.get(j.id))).toEqual([]);

    // More than one process did work, and only our worker processes did.
    const perPid = new Map<number, number>();
    for (const r of runs) perPid.set(r.pid, (perPid.get(r.pid) ?? 0) + 1);
    expect(perPid.size).toBeGreaterThan(1);
    for (const pid of perPid.keys()) expect(workers.map((w) => w.pid)).toContain(pid);
  }, 90_000);

  it("cancel a job running in another process: that worker stops it and ends it cancelled", async () => {
    // A lease of 30 s: the worker renews it (and so reads cancel requests) only every 10 s.
    const worker = await startWorkerProcess({ DATABASE_URL: database.url, LEASE_MS: "30000", POLL_MS: "100" });
    const { jobId } = await queue.enqueue({ kind: "sleep", name: "long sleep", payload: { ms: 30_000, dir } });
    // Wait for the handler itself to start (its "start" line), not only for the claim.
    await waitFor("the job to run in the worker process", async () => (await queue.get(jobId))?.workerId === worker.workerId && readRecords(dir).length === 1);
    const requested = Date.now();
    expect(await queue.cancel(jobId)).toBe("cancel-requested");
    // PostgreSQL: LISTEN/NOTIFY; SQLite: the worker sees another connection's commit (PRAGMA data_version).
    await waitForStatus(queue, jobId, "cancelled", 5_000);
    expect(Date.now() - requested).toBeLessThan(1_000);
    const job = (await queue.get(jobId))!;
    const log = JSON.stringify(job.events.map((e) => [e.type, e.message, e.workerId, e.createdAt]));
    expect(job.events.map((e) => e.type).filter((t) => t !== "progress"), log).toEqual(["queued", "started", "cancel_requested", "cancelled"]);
    expect(job.events.at(-1)!.workerId).toBe(worker.workerId);
    expect(readRecords(dir).map((r) => r.event)).toEqual(["start"]);
  }, 30_000);

  it("wake a worker in another process at once (PostgreSQL: LISTEN/NOTIFY; SQLite: PRAGMA data_version), not by polling", async () => {
    await startWorkerProcess({ DATABASE_URL: database.url, POLL_MS: "600000" });
    const enqueued = Date.now();
    const { jobId } = await queue.enqueue({ kind: "record", name: "notified", payload: { dir } });
    await waitForStatus(queue, jobId, "succeeded", 5_000);
    const [run] = readRecords(dir);
    expect(run!.jobId).toBe(jobId);
    expect(run!.at - enqueued).toBeLessThan(1_000);
  }, 30_000);
});
