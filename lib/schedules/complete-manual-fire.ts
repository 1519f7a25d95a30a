import { enqueueFire } from "./enqueue-fire";
import type { FiringContext, FiringSchedule } from "./firing-schedule";
import { isFireFailure } from "./is-fire-failure";

/**
 * Enqueues a claimed "run now" fire's batch. One that cannot enqueue (a symbol lost its data) is
 * removed again and its error thrown: the user who clicked sees it at once.
 */
export async function completeManualFire(ctx: FiringContext, schedule: FiringSchedule, fireAt: Date) {
  try {
    const result = await enqueueFire(ctx, schedule, { fireAt, manual: true });
    ctx.logger.info({ scheduleId: schedule.id, fireAt: fireAt.toISOString(), batchId: result.batchId, manual: true }, "schedule fired");
    return result;
  } catch (err) {
    if (isFireFailure(err)) await ctx.db.scheduleFire.deleteMany({ where: { scheduleId: schedule.id, fireAt } });
    throw err;
  }
}
