import { submitAnalyses } from "../analysis/submit-analyses";
import type { FiringContext, FiringSchedule } from "./firing-schedule";
import { fireRequest } from "./fire-request";

/**
 * Enqueues a claimed fire's batch and links it to the fire. Safe to repeat (a later pass completing
 * a fire whose process died): the idempotency key returns the batch of an earlier attempt.
 */
export async function enqueueFire(ctx: FiringContext, schedule: FiringSchedule, fire: { fireAt: Date; manual: boolean }) {
  const result = await submitAnalyses(ctx.db, ctx.queue, schedule.owner, fireRequest(schedule, fire.fireAt, fire.manual));
  await ctx.db.scheduleFire.updateMany({ where: { scheduleId: schedule.id, fireAt: fire.fireAt }, data: { batchId: result.batchId } });
  return result;
}
