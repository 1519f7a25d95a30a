/*
 * PostgreSQL under faults, with real worker processes on a private PostgreSQL server of this file's
 * own (testing/postgres-cluster.ts; the shared server is never touched): one of three workers
 * SIGKILLed under a 2,000-job load, and PostgreSQL itself crashed (pg_ctl -m immediate) and
 * restarted under load. No job is lost, none runs in two places at once, and the workers carry on
 * by themselves.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, migrate, type Db } from "../db";
import { withDatabase } from "../db/testing";
import { JobQueue } from "./index";
import { waitFor } from "./test-support";
import { createPostgresCluster, type PostgresCluster } from "./testing/postgres-cluster";
import { killAllWorkerProcesses, startWorkerProcesses } from "./testing/processes";
import { overlappingRuns, runIntervals } from "./testing/run-intervals";
import { readRecords } from "./testing/test-kinds";

const PORT = 55433;
const JOBS = 2_000;

let cluster: PostgresCluster;
let url: string;
let db: Db;
let queue: JobQueue;
let dir: string;
let databaseNo = 0;

beforeAll(() => {
  cluster = createPostgresCluster(PORT);
  cluster.start();
});
afterAll(() => cluster?.destroy());

beforeEach(async () => {
  const name = `chaos_${++databaseNo}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = withDatabase(cluster.url, name);
  await migrate({ dialect: "postgres", url });
  db = createDatabase({ dialect: "postgres", url }).db;
  queue = new JobQueue({ db, dialect: "postgres", connectionString: url });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-pgfaults-"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sleepers = (ms: number, count = JOBS) => Array.from({ length: count }, (_, i) => ({ kind: "sleep", name: `sleep ${i}`, payload: { ms, dir, recordAbort: true }, maxAttempts: 5 }));
const succeeded = () => db.job.count({ where: { status: "succeeded" } });

/** Every job succeeded; returns the jobs. */
async function expectEverySucceeded(jobIds: string[]) {
  const jobs = await db.job.findMany({ select: { id: true, status: true, attempts: true, workerId: true } });
  expect(jobs).toHaveLength(jobIds.length);
  expect(jobs.filter((j) => j.status !== "succeeded")).toEqual([]);
  return jobs;
}

describe("three worker processes on PostgreSQL", () => {
  it("one SIGKILLed under a 2,000-job load: no job lost or duplicated, its running jobs re-run once elsewhere, never at the same time", async () => {
    const workers = await startWorkerProcesses(3, { DATABASE_URL: url, WORKER_CONCURRENCY: "5", LEASE_MS: "2000", POLL_MS: "200" });
    const { jobIds } = await queue.enqueueMany(sleepers(60));
    const victim = workers[0]!;
    await waitFor("a third of the jobs done and the victim busy", async () => {
      const busy = await db.job.count({ where: { status: "running", workerId: victim.workerId } });
      return (await succeeded()) >= JOBS / 3 && busy > 0;
    }, 60_000);
    const died = await victim.kill("SIGKILL");
    const interrupted = new Set((await db.job.findMany({ where: { status: "running", workerId: victim.workerId }, select: { id: true } })).map((j) => j.id));
    expect(interrupted.size).toBeGreaterThan(0);

    await waitFor(`${JOBS} jobs to succeed`, async () => (await succeeded()) === JOBS, 120_000);
    const jobs = await expectEverySucceeded(jobIds);
    // Only the interrupted jobs ran twice; nothing ended on the dead worker after it died.
    expect(jobs.filter((j) => j.attempts !== (interrupted.has(j.id) ? 2 : 1))).toEqual([]);
    expect(jobs.filter((j) => interrupted.has(j.id) && j.workerId === victim.workerId)).toEqual([]);

    const lines = readRecords(dir);
    const { runs, problems } = runIntervals(lines, new Map([[victim.pid, died.at]]));
    expect(problems).toEqual([]);
    expect(overlappingRuns(runs)).toEqual([]);
    const finishedRuns = new Map<string, number>();
    for (const r of runs.filter((r) => r.finished)) finishedRuns.set(r.jobId, (finishedRuns.get(r.jobId) ?? 0) + 1);
    expect(jobIds.filter((id) => !interrupted.has(id) && finishedRuns.get(id) !== 1)).toEqual([]);
    expect(lines.filter((l) => l.pid === victim.pid && l.at > died.at)).toEqual([]);
    // The survivors are still working.
    for (const w of workers.slice(1)) expect(w.child.exitCode).toBeNull();
  });

  it("PostgreSQL crashed and restarted under load: the workers log, reconnect (queries and LISTEN) and finish every job, none running in two places at once", async () => {
    // A long poll interval: after the restart only the re-established LISTEN connection and the
    // workers' own wake-ups can get them going again quickly.
    const POLL_MS = 30_000;
    const workers = await startWorkerProcesses(3, { DATABASE_URL: url, WORKER_CONCURRENCY: "5", LEASE_MS: "4000", POLL_MS: String(POLL_MS), LOG_LEVEL: "warn" });
    // 1,000 jobs here (2,000 above): the restart, not the size, is what this test is about.
    const TOTAL = JOBS / 2;
    const { jobIds } = await queue.enqueueMany(sleepers(60, TOTAL));
    await waitFor("some of the jobs done", async () => (await succeeded()) >= TOTAL / 5, 60_000);

    cluster.crash();
    const crashedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2_000));
    cluster.start();
    const restartedAt = Date.now();

    await waitFor(`${TOTAL} jobs to succeed after the restart`, async () => (await succeeded().catch(() => 0)) === TOTAL, 150_000);
    await expectEverySucceeded(jobIds);
    const { runs, problems } = runIntervals(readRecords(dir));
    expect(problems).toEqual([]);
    expect(overlappingRuns(runs)).toEqual([]);

    // Every process lived through it, noticed the outage, and ran jobs again after the restart.
    for (const w of workers) {
      expect(w.child.exitCode, w.output()).toBeNull();
      expect(runs.some((r) => r.pid === w.pid && r.start > restartedAt), `worker ${w.pid} ran nothing after the restart:\n${w.output()}`).toBe(true);
    }
    const logged = workers.map((w) => w.output()).join("\n");
    expect(logged).toMatch(/job notifications interrupted; reconnecting/);
    expect(crashedAt).toBeLessThan(restartedAt);

    // LISTEN is back: a job enqueued now wakes a worker long before its next poll.
    const enqueued = Date.now();
    const { jobId } = await queue.enqueue({ kind: "record", name: "after the restart", payload: { dir } });
    await waitFor("the job after the restart", async () => (await db.job.findUnique({ where: { id: jobId } }))?.status === "succeeded", 20_000);
    const run = readRecords(dir).find((r) => r.jobId === jobId)!;
    expect(run.at - enqueued).toBeLessThan(POLL_MS / 2);
  });
});
