import type { Db } from "../db/client";
import type { Schedule } from "../db/generated/sqlite";
import { nextFireTime } from "./schedule-cron";

/**
 * Moves a schedule past `handled`, a fire time it fired (`fired`) or skipped: lastFireAt becomes
 * `handled` unless it is later already, and nextFireAt the first fire time after it — only while
 * nextFireAt still points at or before `handled`, so an edit, a pause or another process that
 * moved it meanwhile is left alone. Every step can be repeated safely.
 */
export async function advanceSchedule(db: Db, schedule: Pick<Schedule, "id" | "cron" | "timeZone">, handled: Date, { fired }: { fired: boolean }): Promise<void> {
  if (fired) {
    await db.schedule.updateMany({
      where: { id: schedule.id, OR: [{ lastFireAt: null }, { lastFireAt: { lt: handled } }] },
      data: { lastFireAt: handled },
    });
  }
  await db.schedule.updateMany({
    where: { id: schedule.id, nextFireAt: { lte: handled } },
    data: { nextFireAt: nextFireTime(schedule.cron, schedule.timeZone, handled) },
  });
}
