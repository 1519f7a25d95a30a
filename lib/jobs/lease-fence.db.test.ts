/*
 * A worker that cannot renew its leases stops its handlers before the leases run out, so a job it
 * loses is never run by two workers at once. PostgreSQL only: a lock taken from another connection
 * keeps the worker's writes waiting without blocking its event loop (on SQLite the test's own
 * Prisma connection would wait inside the busy handler, blocking the event loop the test runs on).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { testDialect } from "../db/testing";
import { setupTestQueue, sleep, waitFor, waitForStatus } from "./test-support";
import { defineTestKinds, readRecords } from "./testing/test-kinds";

const t = setupTestQueue();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(testDialect() === "postgres")("the lease fence", () => {
  it("stops a handler whose lease cannot be renewed before it runs out, hands the job back, and runs it again later", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-fence-"));
    dirs.push(dir);
    const leaseMs = 3_000;
    defineTestKinds(t.queue);
    await t.queue.startWorker({ concurrency: 1, leaseMs, heartbeatMs: 500, pollIntervalMs: 100 });
    const { jobId } = await t.queue.enqueue({ kind: "sleep", name: "long sleep", payload: { ms: 9_000, dir, recordAbort: true } });
    await waitFor("the handler to start", async () => readRecords(dir).some((r) => r.event === "start"));

    // Writes to jobs wait (reads go on) for 2.5 leases: without the fence the handler would sleep on.
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE jobs IN EXCLUSIVE MODE");
      await sleep(2.5 * leaseMs);
      const whileLocked = readRecords(dir);
      expect(whileLocked.map((r) => r.event)).toEqual(["start", "abort"]);
      await locker.query("COMMIT");
    } finally {
      await locker.end();
    }

    await waitForStatus(t.queue, jobId, "succeeded", 30_000).catch(async (err) => {
      throw new Error(`${(err as Error).message}: ${JSON.stringify((await t.queue.get(jobId))?.events.filter((e) => e.type !== "progress"))}`);
    });
    const job = (await t.queue.get(jobId))!;
    expect(job.attempts, JSON.stringify(job.events.filter((e) => e.type !== "progress"))).toBe(2);
    // Handed back by the fenced worker itself ("released") or, if the lease had run out by the time
    // the database answered again, by recovery ("lease_expired"): either way once, before the rerun.
    const types = job.events.map((e) => e.type).filter((type) => type !== "progress");
    expect(types).toHaveLength(5);
    expect(types).toEqual(["queued", "started", expect.stringMatching(/^(released|lease_expired)$/), "started", "succeeded"]);
    expect(readRecords(dir).map((r) => r.event)).toEqual(["start", "abort", "start", "end"]);
  });
});
