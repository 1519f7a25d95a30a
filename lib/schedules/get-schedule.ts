import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { findOwnedSchedule } from "./find-owned-schedule";
import { scheduleViews } from "./schedule-views";

export const RECENT_FIRES = 20;

/** One of the user's schedules with its recent fires and their batches' outcomes (404 for anyone else's). */
export async function getSchedule(db: Db, queue: JobQueue, user: Principal, id: string, now = new Date()) {
  const schedule = await findOwnedSchedule(db, user, id);
  const fires = await db.scheduleFire.findMany({ where: { scheduleId: id }, orderBy: { fireAt: "desc" }, take: RECENT_FIRES });
  const [view] = await scheduleViews(db, queue, user, [{ ...schedule, fires }], now);
  return view!;
}
