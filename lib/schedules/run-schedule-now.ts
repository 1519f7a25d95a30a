import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { ConflictError } from "../http/errors";
import type { JobQueue } from "../jobs";
import { claimFire } from "./claim-fire";
import { completeManualFire } from "./complete-manual-fire";
import { findOwnedSchedule } from "./find-owned-schedule";

/** "Run now": enqueues the schedule's batch at once, recorded as a manual fire (paused schedules too). */
export async function runScheduleNow(db: Db, queue: JobQueue, user: Principal, id: string, now = new Date()) {
  const schedule = await findOwnedSchedule(db, user, id);
  if (!(await claimFire(db, { scheduleId: id, fireAt: now, manual: true, now }))) {
    throw new ConflictError("This schedule was started this very moment already.");
  }
  const { batchId, jobIds } = await completeManualFire({ db, queue, logger: queue.logger }, { ...schedule, owner: user }, now);
  return { batchId, jobIds, fireAt: now.toISOString() };
}
