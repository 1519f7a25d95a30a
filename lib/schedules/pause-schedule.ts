import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { findOwnedSchedule } from "./find-owned-schedule";

/** Stops a schedule from firing until it is resumed (a fire already under way completes). */
export async function pauseSchedule(db: Db, user: Principal, id: string, now = new Date()) {
  await findOwnedSchedule(db, user, id);
  await db.schedule.updateMany({ where: { id }, data: { enabled: false, nextFireAt: null, updatedAt: now } });
  return { id, enabled: false, nextFireAt: null };
}
