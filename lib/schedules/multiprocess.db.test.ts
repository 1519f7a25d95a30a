/*
 * Two real worker processes, each running the schedule firer, on one database: every fire time of
 * every schedule is enqueued once, whichever process claims it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/testing";
import type { JobQueue } from "../jobs";
import { createTestQueue, waitFor } from "../jobs/test-support";
import { killAllWorkerProcesses, startWorkerProcesses } from "../jobs/testing/processes";
import { APP_WORKER_ENTRY } from "../queue/testing/app-worker-process";
import { nextFireTime, nextFireTimes } from "./schedule-cron";
import { createUser, seedSymbols } from "./testing/schedule-test-kit";

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

// Seconds-precision cron (which the API does not offer) so that real fire times come every two seconds.
const EVERY_2S = "*/2 * * * * *";
const TIME_ZONE = "Europe/Berlin";
const SCHEDULES = 8;
const FIRES_EACH = 4;

describe("two worker processes running the firer", () => {
  it("fire each fire time of each schedule once between them", async () => {
    const { db } = database;
    const user = await createUser(db);
    await seedSymbols(db, null, ["AAPL", "MSFT"]);
    // The processes only fire (they claim no jobs); an open fire is completed after 2 s instead of a minute.
    // Started first: a slow start must not make the first fire time a missed one (skipped).
    const workers = await startWorkerProcesses(
      2,
      { DATABASE_URL: database.url, SCHEDULE_POLL_MS: "100", SCHEDULE_STALE_MS: "2000", WORKER_CONCURRENCY: "0", LOG_LEVEL: "info" },
      APP_WORKER_ENTRY,
    );
    const firstFire = nextFireTime(EVERY_2S, TIME_ZONE, new Date(Date.now() + 3_000))!;
    const ids: string[] = [];
    for (let i = 0; i < SCHEDULES; i++) {
      const schedule = await db.schedule.create({
        data: {
          ownerId: user.id,
          name: `Every two seconds #${i}`,
          symbols: ["AAPL", "MSFT"],
          options: { from: null, to: null, depth: 1, analysts: ["technical"], language: "en", benchmarkSymbol: null },
          cron: EVERY_2S,
          timeZone: TIME_ZONE,
          missedPolicy: "skip",
          nextFireAt: firstFire,
        },
      });
      ids.push(schedule.id);
    }

    await waitFor(
      `${FIRES_EACH} fires of every schedule`,
      async () => {
        const perSchedule = await db.scheduleFire.groupBy({ by: ["scheduleId"], _count: { _all: true } });
        return perSchedule.length === SCHEDULES && perSchedule.every((g) => g._count._all >= FIRES_EACH);
      },
      60_000,
    );
    // Pause them all, as their owner would, and let the processes finish the fires under way.
    await db.schedule.updateMany({ data: { enabled: false, nextFireAt: null } });
    await waitFor("every fire to have its batch", async () => (await db.scheduleFire.count({ where: { batchId: null } })) === 0, 30_000);
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));

    // Each schedule fired its fire times one after the other, none twice (the fire rows' key) and none skipped.
    const fires = await db.scheduleFire.findMany({ orderBy: { fireAt: "asc" } });
    for (const id of ids) {
      const times = fires.filter((f) => f.scheduleId === id).map((f) => f.fireAt.getTime());
      expect(times.length).toBeGreaterThanOrEqual(FIRES_EACH);
      expect(times).toEqual([firstFire, ...nextFireTimes(EVERY_2S, TIME_ZONE, firstFire, times.length - 1)].map((d) => d.getTime()));
    }

    // One batch per fire, of one job per symbol: no fire was enqueued twice.
    const batches = await db.batch.findMany({ include: { _count: { select: { jobs: true } } } });
    expect(batches.map((b) => b.id).sort()).toEqual(fires.map((f) => f.batchId).sort());
    expect(batches.filter((b) => b._count.jobs !== 2)).toEqual([]);
    expect(await db.job.count()).toBe(2 * fires.length);

    // Both processes took part: their logs name the batches each one created.
    const created = workers.map(
      (w) =>
        w
          .output()
          .split("\n")
          .filter((line) => line.includes('"msg":"schedule fired"') && line.includes('"existing":false')).length,
    );
    expect(created.every((n) => n > 0)).toBe(true);
  }, 120_000);
});
