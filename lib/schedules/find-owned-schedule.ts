import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { NotFoundError } from "../http/errors";
import { canManageSchedule } from "./can-manage-schedule";

/** The schedule `id` if `user` may manage it; NotFoundError (404) otherwise, so ids of others' schedules reveal nothing. */
export async function findOwnedSchedule(db: Db, user: Principal, id: string) {
  const schedule = await db.schedule.findUnique({ where: { id } });
  if (!schedule || !canManageSchedule(user, schedule)) throw new NotFoundError("No such schedule");
  return schedule;
}
