/*
 * A claim and its "started" events commit together (lib/jobs/ops/claim-jobs.ts). They used to be
 * two separate writes: the claim committed first, the "started" events came afterwards, so
 * anything logged in between came before "started" (seen for real: a cancel landing there gave the
 * log queued → cancel_requested → started → cancelled), and a worker process that died in between
 * left an attempt with no "started" event at all.
 *
 * The test holds a worker process right before it inserts the "started" event
 * (HOLD_STARTED_EVENTS_UNTIL: the insert waits for a file), which makes the window deterministic,
 * and checks that nobody can see the job running without its "started" event: others still see it
 * `queued` while the claim's transaction is open.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import { killAllWorkerProcesses, startWorkerProcess } from "./testing/processes";

let database: TestDatabase;
let queue: JobQueue;
let dir: string;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-claim-"));
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("claiming a job", () => {
  it("writes the 'started' event with the claim: a running job is never seen without it", async () => {
    const gate = path.join(dir, "open");
    await startWorkerProcess({ DATABASE_URL: database.url, POLL_MS: "100", HOLD_STARTED_EVENTS_UNTIL: gate });
    const { jobId } = await queue.enqueue({ kind: "sleep", name: "claimed", payload: { ms: 200 } });

    // The worker has claimed the job and is held before writing its "started" event.
    await waitFor("the worker to be held mid-claim", async () => fs.existsSync(`${gate}.held`), 10_000);
    const seen = (await queue.get(jobId))!;
    fs.writeFileSync(gate, "");
    // Everyone else still sees the job queued: the claim is not committed without its event.
    expect({ status: seen.status, attempts: seen.attempts, events: seen.events.map((e) => e.type) }).toEqual({
      status: "queued",
      attempts: 0,
      events: ["queued"],
    });

    await waitForStatus(queue, jobId, "succeeded", 10_000);
    const job = (await queue.get(jobId))!;
    expect(job.events.map((e) => e.type).filter((t) => t !== "progress")).toEqual(["queued", "started", "succeeded"]);
  }, 30_000);
});
