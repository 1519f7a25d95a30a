import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { findOwnedSchedule } from "./find-owned-schedule";
import { nextFireTime } from "./schedule-cron";

/** Lets a paused schedule fire again from its first fire time after `now`: time spent paused is not caught up. */
export async function resumeSchedule(db: Db, user: Principal, id: string, now = new Date()) {
  const schedule = await findOwnedSchedule(db, user, id);
  if (schedule.enabled) return { id, enabled: true, nextFireAt: schedule.nextFireAt?.toISOString() ?? null };
  const nextFireAt = nextFireTime(schedule.cron, schedule.timeZone, now);
  await db.schedule.updateMany({ where: { id, enabled: false }, data: { enabled: true, nextFireAt, updatedAt: now } });
  return { id, enabled: true, nextFireAt: nextFireAt?.toISOString() ?? null };
}
