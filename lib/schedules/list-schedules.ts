import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { scheduleViews } from "./schedule-views";

/** The user's schedules, newest first, each with its last fire and that fire's batch outcome. */
export async function listSchedules(db: Db, queue: JobQueue, user: Principal, now = new Date()) {
  const schedules = await db.schedule.findMany({ where: { ownerId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  // One indexed lookup per schedule: a nested `take` over several schedules would read all their fires.
  const rows = await Promise.all(
    schedules.map(async (s) => {
      const last = await db.scheduleFire.findFirst({ where: { scheduleId: s.id }, orderBy: { fireAt: "desc" } });
      return { ...s, fires: last ? [last] : [] };
    }),
  );
  return { schedules: await scheduleViews(db, queue, user, rows, now) };
}
