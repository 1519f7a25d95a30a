import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { findOwnedSchedule } from "./find-owned-schedule";
import { getSchedule } from "./get-schedule";
import { resolveScheduleSettings } from "./resolve-schedule-settings";
import { nextFireTime } from "./schedule-cron";
import type { ScheduleInput } from "./schedule-input";

/**
 * Replaces a schedule's settings. A new cron expression or time zone starts over from `now` (the
 * next fire is its first fire time after now); otherwise the next fire stays as it was.
 */
export async function updateSchedule(db: Db, queue: JobQueue, user: Principal, id: string, input: ScheduleInput, now = new Date()) {
  const current = await findOwnedSchedule(db, user, id);
  const settings = await resolveScheduleSettings(db, user, input);
  const retimed = current.cron !== input.cron || current.timeZone !== input.timeZone;
  await db.schedule.update({
    where: { id },
    data: {
      ...settings,
      ...(retimed && { nextFireAt: current.enabled ? nextFireTime(input.cron, input.timeZone, now) : null }),
      updatedAt: now,
    },
  });
  return getSchedule(db, queue, user, id, now);
}
