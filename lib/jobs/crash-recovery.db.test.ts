/*
 * Worker processes that die or stop: a SIGKILLed worker's jobs are recovered once their leases
 * expire and never run on two workers at once; a SIGTERMed worker hands its jobs back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import { killAllWorkerProcesses, startWorkerProcess } from "./testing/processes";
import { overlappingRuns, runIntervals, type RunInterval } from "./testing/run-intervals";
import { readRecords, type RecordLine } from "./testing/test-kinds";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-crash-"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A job's event types without the "progress" steps its handler reported. */
const lifecycle = (events: { type: string }[]) => events.map((e) => e.type).filter((t) => t !== "progress");

/** Each run of each job from the handlers' records; fails the test on records that do not add up. */
function runsOf(lines: RecordLine[], diedAt: Map<number, number>): RunInterval[] {
  const { runs, problems } = runIntervals(lines, diedAt);
  expect(problems).toEqual([]);
  return runs;
}

describe("a worker process that dies", () => {
  it("SIGKILL: its jobs are recovered after the lease expires, run again once, and never on two workers at once", async () => {
    const JOB_MS = 3_000;
    const first = await startWorkerProcess({ DATABASE_URL: database.url, WORKER_CONCURRENCY: "3", LEASE_MS: "1500", POLL_MS: "100" });
    const { jobIds } = await queue.enqueueMany(
      Array.from({ length: 6 }, (_, i) => ({ kind: "sleep", name: `sleeper ${i}`, payload: { ms: JOB_MS, dir }, maxAttempts: 3 })),
    );
    const runningOnFirst = () => database.db.job.findMany({ where: { status: "running", workerId: first.workerId }, select: { id: true } });
    const killedIds = (await waitFor("3 jobs running in the first process", async () => {
      const rows = await runningOnFirst();
      // Wait for the handlers' own "start" lines too, so the runs to be killed really began.
      const started = new Set(readRecords(dir).map((r) => r.jobId));
      return rows.length === 3 && rows.every((r) => started.has(r.id)) && rows.map((r) => r.id);
    })) as string[];

    const died = await first.kill("SIGKILL");
    expect(died.signal).toBe("SIGKILL");
    // Nothing finished in the first process: all 6 jobs are unfinished, 3 of them still "running" on a dead worker.
    expect(readRecords(dir).filter((r) => r.event === "end")).toEqual([]);
    expect((await runningOnFirst()).map((r) => r.id).sort()).toEqual([...killedIds].sort());

    const second = await startWorkerProcess({ DATABASE_URL: database.url, WORKER_CONCURRENCY: "6", LEASE_MS: "1500", POLL_MS: "100" });
    await Promise.all(jobIds.map((id) => waitForStatus(queue, id, "succeeded", 30_000)));

    for (const id of jobIds) {
      const job = (await queue.get(id))!;
      const types = lifecycle(job.events);
      expect(job.workerId).toBe(second.workerId);
      if (killedIds.includes(id)) {
        expect(job.attempts).toBe(2);
        expect(types).toEqual(["queued", "started", "lease_expired", "started", "succeeded"]);
        expect(job.events.find((e) => e.type === "lease_expired")!.message).toContain(first.workerId);
      } else {
        expect(job.attempts).toBe(1);
        expect(types).toEqual(["queued", "started", "succeeded"]);
      }
    }

    const lines = readRecords(dir);
    const runs = runsOf(lines, new Map([[first.pid, died.at]]));
    expect(overlappingRuns(runs)).toEqual([]);
    for (const id of jobIds) {
      const mine = runs.filter((r) => r.jobId === id).sort((a, b) => a.start - b.start);
      if (killedIds.includes(id)) {
        expect(mine.map((r) => [r.pid, r.finished])).toEqual([
          [first.pid, false],
          [second.pid, true],
        ]);
        // The recovery began only after the first process was dead.
        expect(mine[1]!.start).toBeGreaterThanOrEqual(died.at);
      } else {
        expect(mine.map((r) => [r.pid, r.finished])).toEqual([[second.pid, true]]);
      }
    }
  }, 60_000);

  it("SIGTERM: running jobs are released after the grace period and another worker finishes them", async () => {
    const first = await startWorkerProcess({ DATABASE_URL: database.url, WORKER_CONCURRENCY: "2", GRACE_MS: "200", POLL_MS: "100" });
    const { jobIds } = await queue.enqueueMany([0, 1].map((i) => ({ kind: "sleep", name: `long ${i}`, payload: { ms: 2_500, dir } })));
    await waitFor("2 jobs running in the first process", async () => {
      const running = await database.db.job.count({ where: { status: "running", workerId: first.workerId } });
      return running === 2 && readRecords(dir).length === 2;
    });

    const stopAsked = Date.now();
    const stopped = await first.kill("SIGTERM");
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.at - stopAsked).toBeLessThan(5_000);
    for (const id of jobIds) {
      const job = (await queue.get(id))!;
      expect(job.status).toBe("queued");
      expect(job.attempts).toBe(0);
      expect(job.workerId).toBeNull();
      expect(lifecycle(job.events)).toEqual(["queued", "started", "released"]);
    }
    // The worker deregistered itself.
    expect(await database.db.workerProcess.count({ where: { id: first.workerId } })).toBe(0);

    const second = await startWorkerProcess({ DATABASE_URL: database.url, WORKER_CONCURRENCY: "2", POLL_MS: "100" });
    await Promise.all(jobIds.map((id) => waitForStatus(queue, id, "succeeded", 15_000)));
    for (const id of jobIds) {
      const job = (await queue.get(id))!;
      expect(job.attempts).toBe(1);
      expect(job.workerId).toBe(second.workerId);
      expect(lifecycle(job.events)).toEqual(["queued", "started", "released", "started", "succeeded"]);
    }
    const runs = runsOf(readRecords(dir), new Map([[first.pid, stopped.at]]));
    expect(overlappingRuns(runs)).toEqual([]);
    for (const id of jobIds) {
      expect(runs.filter((r) => r.jobId === id).map((r) => [r.pid, r.finished])).toEqual(
        expect.arrayContaining([
          [first.pid, false],
          [second.pid, true],
        ]),
      );
    }
  }, 60_000);
});
