import { completeManualFire } from "./complete-manual-fire";
import { completeScheduledFire } from "./complete-scheduled-fire";
import { WITH_OWNER, type FiringContext } from "./firing-schedule";

/** A fire still without its batch this long after it was claimed lost its process (or met a transient error). */
export const STALE_FIRE_MS = 60_000;
const PER_PASS = 20;

/**
 * Completes fires whose process died between claiming and linking the batch: enqueues again with
 * the same idempotency key (which returns the batch if it was created) and settles the fire. Open
 * fires are those without a batch that are not failed: a failed scheduled fire lies at or before
 * its schedule's lastFireAt, a failed manual fire is deleted.
 */
export async function completeStaleFires(ctx: FiringContext, now: Date, staleFireMs = STALE_FIRE_MS): Promise<void> {
  const cutoff = new Date(now.getTime() - staleFireMs);
  const stale = await ctx.db.$queryRaw<{ scheduleId: string; fireAt: Date }[]>`
    SELECT f.schedule_id AS "scheduleId", f.fire_at AS "fireAt"
    FROM schedule_fires f JOIN schedules s ON s.id = f.schedule_id
    WHERE f.batch_id IS NULL AND f.created_at <= ${cutoff}
      AND (f.manual OR s.last_fire_at IS NULL OR f.fire_at > s.last_fire_at)
    ORDER BY f.created_at
    LIMIT ${PER_PASS}`;
  for (const { scheduleId, fireAt } of stale) {
    const fire = await ctx.db.scheduleFire.findUnique({
      where: { scheduleId_fireAt: { scheduleId, fireAt: new Date(fireAt) } },
      include: { schedule: { include: WITH_OWNER } },
    });
    if (!fire || fire.batchId !== null) continue;
    ctx.logger.warn({ scheduleId, fireAt: fire.fireAt.toISOString() }, "completing a schedule fire whose process stopped half-way");
    try {
      if (fire.manual) await completeManualFire(ctx, fire.schedule, fire.fireAt);
      else await completeScheduledFire(ctx, fire.schedule, fire.fireAt);
    } catch (err) {
      ctx.logger.error({ err, scheduleId }, "completing a schedule fire failed; a later pass tries again");
    }
  }
}
