/*
 * Managing schedules against a real database: create from a watchlist or typed symbols, checked
 * with the analysis rules; edit, pause, resume, delete; "run now"; owner scoping (404 for anyone
 * else); and the views the page shows (next fire times, last fire and its batch's outcome).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "../jobs";
import { createTestQueue } from "../jobs/test-support";
import { createSchedule } from "./create-schedule";
import { deleteSchedule } from "./delete-schedule";
import { getSchedule } from "./get-schedule";
import { listSchedules } from "./list-schedules";
import { pauseSchedule } from "./pause-schedule";
import { resumeSchedule } from "./resume-schedule";
import { runScheduleNow } from "./run-schedule-now";
import { scheduleInputSchema } from "./schedule-input";
import { createUser, seedSymbols } from "./testing/schedule-test-kit";
import { updateSchedule } from "./update-schedule";

let database: TestDatabase;
let queue: JobQueue;
let alice: { id: string; role: string };
let bob: { id: string; role: string };

beforeEach(async () => {
  ({ database, queue } = await createTestQueue());
  alice = await createUser(database.db);
  bob = await createUser(database.db);
  await seedSymbols(database.db, null, ["AAPL", "MSFT", "SPX"]);
});
afterEach(async () => {
  await queue.close({ graceMs: 0 });
  await database.drop();
});

const NOW = new Date("2026-03-05T12:00:00Z"); // a Thursday
const input = (fields: Record<string, unknown> = {}) =>
  scheduleInputSchema.parse({ name: "Morning scan", symbols: ["aapl", "MSFT", "AAPL"], cron: "0 9 * * 1-5", timeZone: "America/New_York", ...fields });
const create = (fields?: Record<string, unknown>, user = alice) => createSchedule(database.db, queue, user, input(fields), NOW);

describe("creating a schedule", () => {
  it("stores the normalised symbols and the analysis options, and its next fire times on the owner's clock", async () => {
    const view = await create({ depth: 3, analysts: ["risk"], language: "zh", from: "2005-01-01", missedPolicy: "run_once" });
    expect(view).toMatchObject({
      name: "Morning scan",
      symbols: ["AAPL", "MSFT"],
      watchlist: null,
      options: { from: "2005-01-01", to: null, depth: 3, analysts: ["risk"], language: "zh", benchmarkSymbol: null },
      cron: "0 9 * * 1-5",
      description: "Weekdays (Monday–Friday) at 09:00",
      timeZone: "America/New_York",
      enabled: true,
      missedPolicy: "run_once",
      lastFireAt: null,
      nextFireAt: "2026-03-05T14:00:00.000Z",
      fires: [],
      missingSymbols: [],
    });
    // Thursday and Friday in EST, then Monday to Wednesday in EDT (the clocks change on Sunday 8 March).
    expect(view.upcoming).toEqual(["2026-03-05T14:00:00.000Z", "2026-03-06T14:00:00.000Z", "2026-03-09T13:00:00.000Z", "2026-03-10T13:00:00.000Z", "2026-03-11T13:00:00.000Z"]);
  });

  it("takes the symbols of one of the user's watchlists, and refuses someone else's", async () => {
    const mine = await database.db.watchlist.create({ data: { ownerId: alice.id, name: "Tech", symbols: ["MSFT", "SPX"] } });
    const view = await create({ symbols: undefined, watchlistId: mine.id });
    expect(view.symbols).toEqual(["MSFT", "SPX"]);
    expect(view.watchlist).toEqual({ id: mine.id, name: "Tech" });

    const theirs = await database.db.watchlist.create({ data: { ownerId: bob.id, name: "Bob's", symbols: ["AAPL"] } });
    await expect(create({ symbols: undefined, watchlistId: theirs.id })).rejects.toMatchObject({ status: 422, issues: [{ path: "watchlistId" }] });
  });

  it("explains an invalid cron expression or time zone in words, field by field", () => {
    const result = scheduleInputSchema.safeParse({ name: "x", symbols: ["AAPL"], cron: "0 25 * * *", timeZone: "Mars/Olympus" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["timeZone", "Unknown time zone: use a name like Europe/Berlin, America/New_York or UTC"],
    ]);
    const cron = scheduleInputSchema.safeParse({ name: "x", symbols: ["AAPL"], cron: "0 25 * * *", timeZone: "UTC" });
    expect(cron.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["cron", "The hour field must be 0–23."]]);
    const nothing = scheduleInputSchema.safeParse({ name: "x", cron: "0 9 * * *", timeZone: "UTC" });
    expect(nothing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["symbols", "Enter symbols or choose a watchlist"]]);
  });

  it("checks the symbols and options with the rules of a batch submitted by hand", async () => {
    await expect(create({ from: "2010-01-01", to: "2005-01-01" })).rejects.toBeInstanceOf(ZodError);
    await expect(create({ from: "2010-01-01", to: "2005-01-01" })).rejects.toThrow("The start date is after the end date");
    expect(() => input({ symbols: Array.from({ length: 501 }, (_, i) => `S${i}`) })).toThrow(/at most 500/);
    expect(() => input({ analysts: [] })).toThrow(/at least one analyst/);
    expect(await database.db.schedule.count()).toBe(0);
  });
});

describe("changing a schedule", () => {
  it("starts over from now when the cron expression or time zone changes, and keeps its next fire otherwise", async () => {
    const { id } = await create();
    const later = new Date("2026-03-05T20:00:00Z");
    const renamed = await updateSchedule(database.db, queue, alice, id, input({ name: "Renamed", depth: 4 }), later);
    expect(renamed).toMatchObject({ name: "Renamed", nextFireAt: "2026-03-05T14:00:00.000Z", options: { depth: 4 } });
    const retimed = await updateSchedule(database.db, queue, alice, id, input({ cron: "0 9 * * *", timeZone: "Europe/Berlin" }), later);
    expect(retimed).toMatchObject({ description: "Every day at 09:00", nextFireAt: "2026-03-06T08:00:00.000Z" });
  });

  it("pauses (no next fire) and resumes from the next fire time after now", async () => {
    const { id } = await create();
    expect(await pauseSchedule(database.db, alice, id)).toEqual({ id, enabled: false, nextFireAt: null });
    const paused = await getSchedule(database.db, queue, alice, id, NOW);
    expect(paused).toMatchObject({ enabled: false, nextFireAt: null });
    expect(paused.upcoming).toHaveLength(5);
    expect(await resumeSchedule(database.db, alice, id, new Date("2026-03-09T14:00:00Z"))).toEqual({ id, enabled: true, nextFireAt: "2026-03-10T13:00:00.000Z" });
  });

  it("deletes a schedule and its fire records, leaving the batches it enqueued", async () => {
    const { id } = await create();
    const { batchId } = await runScheduleNow(database.db, queue, alice, id);
    await deleteSchedule(database.db, alice, id);
    expect(await database.db.schedule.count()).toBe(0);
    expect(await database.db.scheduleFire.count()).toBe(0);
    expect(await database.db.batch.findUnique({ where: { id: batchId! } })).not.toBeNull();
  });
});

describe("run now", () => {
  it("enqueues the batch at once as a manual fire, paused or not, and the schedule shows its outcome", async () => {
    const { id } = await create();
    await pauseSchedule(database.db, alice, id);
    const run = await runScheduleNow(database.db, queue, alice, id, new Date("2026-03-05T12:34:56.789Z"));
    expect(run.jobIds).toHaveLength(2);
    const batch = await database.db.batch.findUniqueOrThrow({ where: { id: run.batchId! } });
    expect(batch).toMatchObject({ ownerId: alice.id, name: "Morning scan · Thu 2026-03-05 07:34 America/New_York (run now)" });

    const view = await getSchedule(database.db, queue, alice, id);
    expect(view.fires).toEqual([
      {
        fireAt: "2026-03-05T12:34:56.789Z",
        manual: true,
        batchId: run.batchId,
        state: "enqueued",
        error: null,
        batch: { name: batch.name, total: 2, counts: { queued: 2, running: 0, succeeded: 0, failed: 0, cancelled: 0 }, progress: 0 },
      },
    ]);
    expect((await listSchedules(database.db, queue, alice)).schedules.map((s) => s.fires[0]?.batchId)).toEqual([run.batchId]);
    expect(view.lastFireAt).toBeNull(); // lastFireAt counts scheduled fires only
  });

  it("refuses with the reason when a symbol lost its data, and leaves no fire behind", async () => {
    const datasetId = await seedSymbols(database.db, alice.id, ["NVDA"]);
    const { id } = await create({ symbols: ["NVDA", "AAPL"] });
    await database.db.dataset.delete({ where: { id: datasetId } });
    await expect(runScheduleNow(database.db, queue, alice, id)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/No price data for NVDA/) });
    expect(await database.db.scheduleFire.count()).toBe(0);
    expect(await database.db.batch.count()).toBe(0);
    expect((await getSchedule(database.db, queue, alice, id)).missingSymbols).toEqual(["NVDA"]);
  });
});

describe("owner scoping", () => {
  it("lists only the user's schedules, and answers 404 for another user's schedule id whatever the action", async () => {
    const { id } = await create();
    await create({ name: "Bob's" }, bob);
    expect((await listSchedules(database.db, queue, alice)).schedules.map((s) => s.name)).toEqual(["Morning scan"]);
    const notFound = { status: 404, message: "No such schedule" };
    await expect(getSchedule(database.db, queue, bob, id)).rejects.toMatchObject(notFound);
    await expect(updateSchedule(database.db, queue, bob, id, input({ name: "Mine now" }))).rejects.toMatchObject(notFound);
    await expect(pauseSchedule(database.db, bob, id)).rejects.toMatchObject(notFound);
    await expect(resumeSchedule(database.db, bob, id)).rejects.toMatchObject(notFound);
    await expect(runScheduleNow(database.db, queue, bob, id)).rejects.toMatchObject(notFound);
    await expect(deleteSchedule(database.db, bob, id)).rejects.toMatchObject(notFound);
    await expect(getSchedule(database.db, queue, alice, "no-such-id")).rejects.toMatchObject(notFound);
    expect(await getSchedule(database.db, queue, alice, id)).toMatchObject({ name: "Morning scan", enabled: true });
    expect(await database.db.scheduleFire.count()).toBe(0);
  });
});
