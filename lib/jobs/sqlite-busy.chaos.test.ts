/*
 * SQLite locked by another connection (BEGIN IMMEDIATE) for several times the busy timeout while
 * two worker processes run a load: their claims, heartbeats and completions fail with "database is
 * locked"; they log it, retry, and finish every job once the lock is gone, none running in two places
 * at once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, migrate, type Db } from "../db";
import { JobQueue } from "./index";
import { waitFor } from "./test-support";
import { killAllWorkerProcesses, startWorkerProcesses } from "./testing/processes";
import { overlappingRuns, runIntervals } from "./testing/run-intervals";
import { readRecords } from "./testing/test-kinds";

const JOBS = 300;
const BUSY_TIMEOUT_MS = 500;
const LOCK_MS = 4_000;

let dir: string;
let file: string;
let db: Db;
let queue: JobQueue;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-busy-"));
  file = path.join(dir, "busy.db");
  await migrate({ dialect: "sqlite", file });
  db = createDatabase({ dialect: "sqlite", file }).db;
  queue = new JobQueue({ db, dialect: "sqlite" });
  fs.mkdirSync(path.join(dir, "runs"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite locked by another writer for longer than the busy timeout", () => {
  it("two worker processes log the lock, retry, and finish every job once after it is released", async () => {
    const runs = path.join(dir, "runs");
    const workers = await startWorkerProcesses(2, {
      DATABASE_URL: `file:${file}`,
      SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS),
      WORKER_CONCURRENCY: "4",
      LEASE_MS: "3000",
      POLL_MS: "100",
      LOG_LEVEL: "warn",
    });
    const { jobIds } = await queue.enqueueMany(Array.from({ length: JOBS }, (_, i) => ({ kind: "sleep", name: `sleep ${i}`, payload: { ms: 30, dir: runs, recordAbort: true }, maxAttempts: 5 })));
    const succeeded = () => db.job.count({ where: { status: "succeeded" } });
    await waitFor("a fifth of the jobs done", async () => (await succeeded()) >= JOBS / 5, 60_000);

    const locker = new Database(file, { timeout: 10_000 });
    locker.exec("BEGIN IMMEDIATE");
    const lockedAt = Date.now();
    await new Promise((r) => setTimeout(r, LOCK_MS));
    const doneDuringLock = await succeeded();
    locker.exec("COMMIT");
    locker.close();
    const releasedAt = Date.now();

    await waitFor(`${JOBS} jobs to succeed`, async () => (await succeeded()) === JOBS, 90_000);
    expect(doneDuringLock).toBeLessThan(JOBS);
    const jobs = await db.job.findMany({ select: { status: true } });
    expect(jobs.filter((j) => j.status !== "succeeded")).toEqual([]);
    expect(jobs).toHaveLength(jobIds.length);

    const { runs: intervals, problems } = runIntervals(readRecords(runs));
    const detail = await Promise.all(
      problems.map(async (p) => {
        const id = p.split(" ")[1]!;
        const events = await db.jobEvent.findMany({ where: { jobId: id }, orderBy: { id: "asc" } });
        const lines = readRecords(runs).filter((r) => r.jobId === id);
        return `${p}\n  events: ${JSON.stringify(events.map((e) => [e.type, e.workerId, e.createdAt.getTime(), e.message]))}\n  runs: ${JSON.stringify(lines)}`;
      }),
    );
    expect(problems, `${detail.join("\n")}\nlocked ${lockedAt}..${releasedAt}\n${workers.map((w) => w.output()).join("\n")}`).toEqual([]);
    expect(overlappingRuns(intervals)).toEqual([]);
    for (const w of workers) {
      expect(w.child.exitCode, w.output()).toBeNull();
      // It ran into the lock, said so, and worked again after it.
      expect(w.output()).toMatch(/database is locked|SQLITE_BUSY|timed out/i);
      expect(intervals.some((r) => r.pid === w.pid && r.start > releasedAt), `worker ${w.pid} ran nothing after the lock:\n${w.output()}`).toBe(true);
    }
    expect(lockedAt).toBeLessThan(releasedAt);
  });
});
