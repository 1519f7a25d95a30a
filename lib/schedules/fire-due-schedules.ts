import { advanceSchedule } from "./advance-schedule";
import { claimFire } from "./claim-fire";
import { completeScheduledFire } from "./complete-scheduled-fire";
import { completeStaleFires } from "./complete-stale-fires";
import { WITH_OWNER, type FiringContext, type FiringSchedule } from "./firing-schedule";
import { latestDueTime } from "./schedule-cron";

/** A fire time this much past counts as missed (the app was down): the schedule's missed-run policy decides. */
export const MISSED_AFTER_MS = 60_000;
/** Most due schedules one pass takes; the firer looks again at once when a pass was full. */
export const PASS_SIZE = 50;

/**
 * One pass of the firer at `now`: fires each due schedule once (at its most recent due fire time;
 * older ones are past), then completes open fires older than `staleFireMs` (their process died
 * half-way, or hit a transient error). Returns how many due schedules it fired or moved on (a
 * schedule whose fire another process has under way is neither). One schedule's error is logged
 * and does not stop the others.
 */
export async function fireDueSchedules(ctx: FiringContext, now: Date, { staleFireMs }: { staleFireMs?: number } = {}): Promise<number> {
  const due = await ctx.db.schedule.findMany({
    where: { enabled: true, nextFireAt: { lte: now } },
    orderBy: { nextFireAt: "asc" },
    take: PASS_SIZE,
    include: WITH_OWNER,
  });
  let handled = 0;
  for (const schedule of due) {
    try {
      if (await fireDueSchedule(ctx, schedule, now)) handled++;
    } catch (err) {
      ctx.logger.error({ err, scheduleId: schedule.id }, "firing a schedule failed; a later pass tries again");
    }
  }
  await completeStaleFires(ctx, now, staleFireMs);
  return handled;
}

/** Fires or skips a due schedule; false when another process has its fire under way. */
async function fireDueSchedule(ctx: FiringContext, schedule: FiringSchedule, now: Date): Promise<boolean> {
  const fireAt = latestDueTime(schedule.cron, schedule.timeZone, schedule.nextFireAt!, now);
  const missed = now.getTime() - fireAt.getTime() > MISSED_AFTER_MS;
  if (missed && schedule.missedPolicy === "skip") {
    ctx.logger.info({ scheduleId: schedule.id, missed: fireAt.toISOString() }, "schedule missed its fire time; skipping it");
    await advanceSchedule(ctx.db, schedule, fireAt, { fired: false });
    return true;
  }
  const existing = await ctx.db.scheduleFire.findUnique({ where: { scheduleId_fireAt: { scheduleId: schedule.id, fireAt } } });
  if (existing) {
    // Another process fired it: once that fire is settled, move on (it may have done so already).
    // A fire still open is in progress, or completed later by completeStaleFires.
    const settled = existing.batchId !== null || (schedule.lastFireAt !== null && schedule.lastFireAt >= fireAt);
    if (settled) await advanceSchedule(ctx.db, schedule, fireAt, { fired: true });
    return settled;
  }
  if (!(await claimFire(ctx.db, { scheduleId: schedule.id, fireAt, manual: false, now }))) return false;
  await completeScheduledFire(ctx, schedule, fireAt);
  return true;
}
