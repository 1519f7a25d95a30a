/*
 * A claim and its "started" events commit together (one statement on PostgreSQL, one transaction
 * on SQLite: lib/jobs/dialects). They used to be two separate writes: the claim committed first,
 * the "started" events came afterwards, so anything logged in between came before "started" (seen
 * for real: a cancel landing there gave the log queued → cancel_requested → started → cancelled),
 * and a worker process that died in between left an attempt with no "started" event at all.
 *
 * The test makes the database refuse "started" events (a trigger) while a worker process tries to
 * claim a job: a claim written apart from its events would leave the job running without them; a
 * claim that commits with them fails whole, and the job stays queued. Once the trigger is gone, the
 * same worker runs the job with its full log.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialect, type TestDatabase } from "../db/testing";
import type { JobQueue } from "./queue";
import { createTestQueue, waitFor, waitForStatus } from "./test-support";
import { killAllWorkerProcesses, startWorkerProcess } from "./testing/processes";

let database: TestDatabase;
let queue: JobQueue;

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
});
afterEach(async () => {
  await killAllWorkerProcesses();
  await queue.close({ graceMs: 0 });
  await database.drop();
});

const REFUSAL = "started events refused by the test";

/** Makes every insert of a "started" job event fail; returns what lifts that. */
async function refuseStartedEvents(database: TestDatabase): Promise<() => Promise<void>> {
  const { db } = database;
  if (testDialect() === "postgres") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_started() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.type = 'started' THEN RAISE EXCEPTION '${REFUSAL}'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_started BEFORE INSERT ON job_events FOR EACH ROW EXECUTE FUNCTION refuse_started()`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER refuse_started ON job_events`));
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_started BEFORE INSERT ON job_events WHEN NEW.type = 'started' BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
  );
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER refuse_started`));
}

describe("claiming a job", () => {
  it("writes the 'started' event with the claim: a running job is never seen without it", async () => {
    const { jobId } = await queue.enqueue({ kind: "sleep", name: "claimed", payload: { ms: 200 } });
    const allow = await refuseStartedEvents(database);
    const worker = await startWorkerProcess({ DATABASE_URL: database.url, POLL_MS: "100", LOG_LEVEL: "error" });

    // The worker tried to claim the job (and failed: its "started" event was refused).
    await waitFor("a refused claim", async () => worker.output().includes(REFUSAL), 10_000);
    const seen = (await queue.get(jobId))!;
    expect({ status: seen.status, attempts: seen.attempts, workerId: seen.workerId, events: seen.events.map((e) => e.type) }).toEqual({
      status: "queued",
      attempts: 0,
      workerId: null,
      events: ["queued"],
    });

    await allow();
    await waitForStatus(queue, jobId, "succeeded", 10_000);
    const job = (await queue.get(jobId))!;
    expect(job.attempts).toBe(1);
    expect(job.events.map((e) => e.type).filter((t) => t !== "progress")).toEqual(["queued", "started", "succeeded"]);
  }, 30_000);
});
