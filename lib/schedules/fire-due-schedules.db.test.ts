/*
 * The firer's passes against a real database (SQLite, or PostgreSQL with TEST_DIALECT=postgres),
 * with a clock the tests move: fire times across DST changes, missed runs after downtime, paused
 * schedules, symbols that lost their data, and fires whose process died half-way.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { submitAnalyses } from "../analysis/submit-analyses";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "../jobs";
import { createTestQueue } from "../jobs/test-support";
import { claimFire } from "./claim-fire";
import { createSchedule } from "./create-schedule";
import { fireRequest } from "./fire-request";
import { getSchedule } from "./get-schedule";
import { pauseSchedule } from "./pause-schedule";
import { resumeSchedule } from "./resume-schedule";
import { scheduleInputSchema } from "./schedule-input";
import { createUser, firesOf, firingPass, seedSymbols, TestClock } from "./testing/schedule-test-kit";

let database: TestDatabase;
let queue: JobQueue;
let clock: TestClock;
let pass: ReturnType<typeof firingPass>;
let user: { id: string; role: string };

beforeEach(async () => {
  clock = new TestClock("2026-01-01T00:00:00Z");
  ({ database, queue } = await createTestQueue({ clock }));
  pass = firingPass(queue, clock);
  user = await createUser(database.db);
  await seedSymbols(database.db, null, ["AAPL", "MSFT", "SPX"]);
});
afterEach(async () => {
  await queue.close({ graceMs: 0 });
  await database.drop();
});

const MINUTE = 60_000;

async function schedule(fields: Record<string, unknown>, createdAt: string) {
  const input = scheduleInputSchema.parse({ name: "Morning scan", symbols: ["AAPL", "MSFT"], timeZone: "UTC", missedPolicy: "run_once", ...fields });
  return createSchedule(database.db, queue, user, input, clock.set(createdAt));
}

/** Passes every `stepMs` from `from` to `to`. */
async function walk(from: string, to: string, stepMs: number) {
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMs) await pass(new Date(t));
}

const fireTimes = async (id: string) => (await firesOf(database.db, id)).map((f) => f.fireAt);
const nextFireAt = async (id: string) => (await database.db.schedule.findUniqueOrThrow({ where: { id } })).nextFireAt?.toISOString() ?? null;

describe("fire times across DST changes", () => {
  // Passes every 20 minutes are late for every fire, and run_once fires a late fire time: so any
  // fire time the schedule should not have would show up as a fire as well.
  it("fires a daily 09:00 New York schedule at 09:00 local before and after the March and November changes, each fire with its batch", async () => {
    const march = await schedule({ cron: "0 9 * * *", timeZone: "America/New_York" }, "2026-03-05T18:00:00Z");
    await walk("2026-03-05T18:00:00Z", "2026-03-09T18:00:00Z", 20 * MINUTE);
    expect(await fireTimes(march.id)).toEqual([
      "2026-03-06T14:00:00.000Z", // EST, UTC−5
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z", // EDT from 02:00 that Sunday, UTC−4
      "2026-03-09T13:00:00.000Z",
    ]);
    await pauseSchedule(database.db, user, march.id);

    const november = await schedule({ cron: "0 9 * * *", timeZone: "America/New_York" }, "2026-10-30T18:00:00Z");
    await walk("2026-10-30T18:00:00Z", "2026-11-02T18:00:00Z", 20 * MINUTE);
    expect(await fireTimes(november.id)).toEqual([
      "2026-10-31T13:00:00.000Z", // EDT
      "2026-11-01T14:00:00.000Z", // EST from 02:00 that Sunday
      "2026-11-02T14:00:00.000Z",
    ]);

    // Each fire enqueued one batch, one job per symbol, titled with the schedule and its local time.
    const fires = [...(await firesOf(database.db, march.id)), ...(await firesOf(database.db, november.id))];
    const batches = await database.db.batch.findMany({ include: { _count: { select: { jobs: true } } } });
    expect(batches.map((b) => b.id).sort()).toEqual(fires.map((f) => f.batchId).sort());
    expect(batches.every((b) => b._count.jobs === 2 && b.ownerId === user.id)).toBe(true);
    expect(batches.map((b) => b.name)).toEqual(
      expect.arrayContaining(["Morning scan · Sun 2026-03-08 09:00 America/New_York", "Morning scan · Sun 2026-11-01 09:00 America/New_York"]),
    );
  });

  it("fires a weekday schedule on weekdays only, at 09:30 New York time on both sides of the change", async () => {
    const weekdays = await schedule({ cron: "30 9 * * 1-5", timeZone: "America/New_York" }, "2026-03-05T00:00:00Z");
    await walk("2026-03-05T00:00:00Z", "2026-03-10T23:00:00Z", 20 * MINUTE);
    expect(await fireTimes(weekdays.id)).toEqual([
      "2026-03-05T14:30:00.000Z", // Thursday
      "2026-03-06T14:30:00.000Z", // Friday; the weekend of the change has none
      "2026-03-09T13:30:00.000Z", // Monday, EDT
      "2026-03-10T13:30:00.000Z",
    ]);
  });

  it("fires a New York time that the spring change skips at the first time after the gap, and one the autumn change repeats once", async () => {
    const skipped = await schedule({ cron: "30 2 * * *", timeZone: "America/New_York" }, "2026-03-06T12:00:00Z");
    await walk("2026-03-06T12:00:00Z", "2026-03-09T12:00:00Z", 20 * MINUTE);
    await pauseSchedule(database.db, user, skipped.id);
    const repeated = await schedule({ cron: "30 1 * * *", timeZone: "America/New_York" }, "2026-10-30T12:00:00Z");
    await walk("2026-10-30T12:00:00Z", "2026-11-02T12:00:00Z", 20 * MINUTE);
    expect(await fireTimes(skipped.id)).toEqual([
      "2026-03-07T07:30:00.000Z",
      "2026-03-08T07:00:00.000Z", // 02:30 does not exist that day: 03:00 EDT
      "2026-03-09T06:30:00.000Z",
    ]);
    expect(await fireTimes(repeated.id)).toEqual([
      "2026-10-31T05:30:00.000Z",
      "2026-11-01T05:30:00.000Z", // 01:30 EDT; 01:30 EST an hour later does not fire again
      "2026-11-02T06:30:00.000Z",
    ]);
  });

  it("fires daily and weekday 09:00 Berlin schedules at 09:00 CET and CEST", async () => {
    const daily = await schedule({ cron: "0 9 * * *", timeZone: "Europe/Berlin" }, "2026-03-26T12:00:00Z");
    const weekdays = await schedule({ cron: "0 9 * * MON-FRI", timeZone: "Europe/Berlin" }, "2026-03-26T12:00:00Z");
    await walk("2026-03-26T12:00:00Z", "2026-03-31T12:00:00Z", 20 * MINUTE);
    expect(await fireTimes(daily.id)).toEqual([
      "2026-03-27T08:00:00.000Z", // CET, UTC+1
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z", // CEST from 02:00 that Sunday, UTC+2
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
    ]);
    expect(await fireTimes(weekdays.id)).toEqual(["2026-03-27T08:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-03-31T07:00:00.000Z"]);

    await pauseSchedule(database.db, user, daily.id);
    await pauseSchedule(database.db, user, weekdays.id);
    const autumn = await schedule({ cron: "0 9 * * *", timeZone: "Europe/Berlin" }, "2026-10-23T12:00:00Z");
    await walk("2026-10-23T12:00:00Z", "2026-10-26T12:00:00Z", 20 * MINUTE);
    expect(await fireTimes(autumn.id)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("fires on time, not before: a pass just before the fire time does nothing, one just after fires", async () => {
    const daily = await schedule({ cron: "0 9 * * *", timeZone: "Europe/Berlin", missedPolicy: "skip" }, "2026-03-28T12:00:00Z");
    expect(await nextFireAt(daily.id)).toBe("2026-03-29T07:00:00.000Z");
    await pass("2026-03-29T06:59:59.999Z");
    expect(await fireTimes(daily.id)).toEqual([]);
    await pass("2026-03-29T07:00:00.000Z");
    expect(await fireTimes(daily.id)).toEqual(["2026-03-29T07:00:00.000Z"]);
    expect(await nextFireAt(daily.id)).toBe("2026-03-30T07:00:00.000Z");
    await pass("2026-03-29T07:00:05Z");
    expect(await fireTimes(daily.id)).toEqual(["2026-03-29T07:00:00.000Z"]);
  });
});

describe("missed fire times after downtime", () => {
  async function downtime(missedPolicy: "skip" | "run_once") {
    const daily = await schedule({ cron: "0 9 * * *", timeZone: "Europe/Berlin", missedPolicy }, "2026-05-01T12:00:00Z");
    await pass("2026-05-02T07:00:03Z"); // on time
    await pass("2026-05-05T10:00:00Z"); // back after three missed mornings (3rd, 4th, 5th)
    const afterDowntime = await fireTimes(daily.id);
    const next = await nextFireAt(daily.id);
    await pass("2026-05-06T07:00:02Z"); // on time again
    return { daily, afterDowntime, next, all: await fireTimes(daily.id) };
  }

  it("skip: fires nothing for the missed times and moves on to the next one", async () => {
    const { afterDowntime, next, all } = await downtime("skip");
    expect(afterDowntime).toEqual(["2026-05-02T07:00:00.000Z"]);
    expect(next).toBe("2026-05-06T07:00:00.000Z");
    expect(all).toEqual(["2026-05-02T07:00:00.000Z", "2026-05-06T07:00:00.000Z"]);
  });

  it("run_once: fires one batch, for the most recent missed time, then moves on", async () => {
    const { afterDowntime, next, all } = await downtime("run_once");
    expect(afterDowntime).toEqual(["2026-05-02T07:00:00.000Z", "2026-05-05T07:00:00.000Z"]);
    expect(next).toBe("2026-05-06T07:00:00.000Z");
    expect(all).toEqual(["2026-05-02T07:00:00.000Z", "2026-05-05T07:00:00.000Z", "2026-05-06T07:00:00.000Z"]);
    const names = (await database.db.batch.findMany({ orderBy: { createdAt: "asc" } })).map((b) => b.name);
    expect(names).toEqual([
      "Morning scan · Sat 2026-05-02 09:00 Europe/Berlin",
      "Morning scan · Tue 2026-05-05 09:00 Europe/Berlin",
      "Morning scan · Wed 2026-05-06 09:00 Europe/Berlin",
    ]);
  });
});

describe("paused schedules", () => {
  it("never fire while paused, and resume from the next fire time without catching up", async () => {
    const daily = await schedule({ cron: "0 9 * * *", timeZone: "Europe/Berlin" }, "2026-05-01T12:00:00Z");
    await pauseSchedule(database.db, user, daily.id, clock.now());
    expect(await nextFireAt(daily.id)).toBeNull();
    await walk("2026-05-01T12:00:00Z", "2026-05-04T12:00:00Z", 20 * MINUTE);
    expect(await fireTimes(daily.id)).toEqual([]);
    expect(await database.db.job.count()).toBe(0);

    await resumeSchedule(database.db, user, daily.id, clock.set("2026-05-04T12:00:00Z"));
    expect(await nextFireAt(daily.id)).toBe("2026-05-05T07:00:00.000Z");
    await walk("2026-05-04T12:00:00Z", "2026-05-05T12:00:00Z", 20 * MINUTE);
    expect(await fireTimes(daily.id)).toEqual(["2026-05-05T07:00:00.000Z"]);
  });
});

describe("a fire that cannot enqueue its batch", () => {
  it("fails visibly when a symbol lost its data, without stopping the other schedules or later passes", async () => {
    const datasetId = await seedSymbols(database.db, user.id, ["NVDA"]);
    const losing = await schedule({ name: "Chips", symbols: ["NVDA", "AAPL"], cron: "0 9 * * *", missedPolicy: "skip" }, "2026-05-01T12:00:00Z");
    const fine = await schedule({ cron: "0 9 * * *", missedPolicy: "skip" }, "2026-05-01T12:00:00Z");
    await database.db.dataset.delete({ where: { id: datasetId } });

    await pass("2026-05-02T09:00:01Z");
    expect(await firesOf(database.db, losing.id)).toEqual([{ fireAt: "2026-05-02T09:00:00.000Z", batchId: null, manual: false }]);
    expect((await firesOf(database.db, fine.id)).map((f) => Boolean(f.batchId))).toEqual([true]);
    expect(await nextFireAt(losing.id)).toBe("2026-05-03T09:00:00.000Z");

    const view = await getSchedule(database.db, queue, user, losing.id, clock.now());
    expect(view.fires[0]).toMatchObject({ fireAt: "2026-05-02T09:00:00.000Z", state: "failed", batchId: null });
    expect(view.fires[0]!.error).toMatch(/NVDA/);
    expect(view.missingSymbols).toEqual(["NVDA"]);

    // Later passes neither retry the failed fire nor stop: the next fire time fails the same way.
    await pass("2026-05-02T09:05:00Z");
    await pass("2026-05-03T09:00:01Z");
    expect(await fireTimes(losing.id)).toEqual(["2026-05-02T09:00:00.000Z", "2026-05-03T09:00:00.000Z"]);
    expect(await fireTimes(fine.id)).toEqual(["2026-05-02T09:00:00.000Z", "2026-05-03T09:00:00.000Z"]);
    expect(await database.db.batch.count()).toBe(2);
  });
});

describe("a fire whose process died half-way", () => {
  it("before enqueueing: a pass a minute later enqueues its batch, once, and moves the schedule on", async () => {
    const daily = await schedule({ cron: "0 9 * * *" }, "2026-05-01T12:00:00Z");
    const fireAt = new Date("2026-05-02T09:00:00Z");
    // A process claimed the fire, then died.
    expect(await claimFire(database.db, { scheduleId: daily.id, fireAt, manual: false, now: clock.set("2026-05-02T09:00:01Z") })).toBe(true);

    await pass("2026-05-02T09:00:30Z"); // it might still be at work: leave it alone
    expect(await firesOf(database.db, daily.id)).toEqual([{ fireAt: fireAt.toISOString(), batchId: null, manual: false }]);
    expect(await nextFireAt(daily.id)).toBe(fireAt.toISOString());

    await pass("2026-05-02T09:01:30Z");
    await pass("2026-05-02T09:02:30Z");
    const [fire] = await firesOf(database.db, daily.id);
    expect(fire!.batchId).toBeTruthy();
    expect(await database.db.batch.count()).toBe(1);
    expect(await nextFireAt(daily.id)).toBe("2026-05-03T09:00:00.000Z");
  });

  it("after enqueueing: the later pass links the batch that exists instead of enqueueing another", async () => {
    const daily = await schedule({ cron: "0 9 * * *" }, "2026-05-01T12:00:00Z");
    const fireAt = new Date("2026-05-02T09:00:00Z");
    const row = await database.db.schedule.findUniqueOrThrow({ where: { id: daily.id } });
    await claimFire(database.db, { scheduleId: daily.id, fireAt, manual: false, now: clock.set("2026-05-02T09:00:01Z") });
    // The process enqueued the batch, then died before linking it to its fire.
    const { batchId } = await submitAnalyses(database.db, queue, user, fireRequest(row, fireAt, false));

    await pass("2026-05-02T09:01:30Z");
    expect(await firesOf(database.db, daily.id)).toEqual([{ fireAt: fireAt.toISOString(), batchId, manual: false }]);
    expect(await database.db.batch.count()).toBe(1);
    expect(await database.db.job.count()).toBe(2);
  });
});
