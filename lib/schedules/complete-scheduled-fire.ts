import { advanceSchedule } from "./advance-schedule";
import { enqueueFire } from "./enqueue-fire";
import type { FiringContext, FiringSchedule } from "./firing-schedule";
import { fireFailureMessage } from "./fire-failure-message";
import { isFireFailure } from "./is-fire-failure";

/**
 * Enqueues a claimed scheduled fire's batch, then moves the schedule on. A fire that cannot enqueue
 * (a symbol lost its data) ends as a failed fire: no batch, lastFireAt past it (which is how a
 * failed fire is told from one still open) and the reason stored with it. A transient error
 * leaves the fire open and the schedule where it was, for a later pass to complete.
 */
export async function completeScheduledFire(ctx: FiringContext, schedule: FiringSchedule, fireAt: Date): Promise<void> {
  try {
    const { batchId, existing } = await enqueueFire(ctx, schedule, { fireAt, manual: false });
    ctx.logger.info({ scheduleId: schedule.id, fireAt: fireAt.toISOString(), batchId, existing }, "schedule fired");
  } catch (err) {
    if (!isFireFailure(err)) throw err;
    const reason = fireFailureMessage(err);
    ctx.logger.warn({ scheduleId: schedule.id, fireAt: fireAt.toISOString(), reason }, "schedule fire failed");
    await ctx.db.scheduleFire.updateMany({ where: { scheduleId: schedule.id, fireAt }, data: { errorMessage: reason } });
  }
  await advanceSchedule(ctx.db, schedule, fireAt, { fired: true });
}
