import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { resolveScheduleSettings } from "./resolve-schedule-settings";
import { nextFireTime } from "./schedule-cron";
import type { ScheduleInput } from "./schedule-input";
import { scheduleViews } from "./schedule-views";

/** Saves a new, enabled schedule; its first fire is the first fire time after `now`. */
export async function createSchedule(db: Db, queue: JobQueue, user: Principal, input: ScheduleInput, now = new Date()) {
  const settings = await resolveScheduleSettings(db, user, input);
  const schedule = await db.schedule.create({
    data: {
      ownerId: user.id,
      ...settings,
      enabled: true,
      nextFireAt: nextFireTime(input.cron, input.timeZone, now),
      createdAt: now,
      updatedAt: now,
    },
  });
  const [view] = await scheduleViews(db, queue, user, [{ ...schedule, fires: [] }], now);
  return view!;
}
