import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { findOwnedSchedule } from "./find-owned-schedule";

/** Deletes a schedule and its fire records; the batches it enqueued stay in the task center. */
export async function deleteSchedule(db: Db, user: Principal, id: string): Promise<void> {
  await findOwnedSchedule(db, user, id);
  await db.schedule.deleteMany({ where: { id } });
}
