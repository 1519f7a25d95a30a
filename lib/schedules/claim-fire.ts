import type { Db } from "../db/client";

/**
 * Claims one fire of a schedule by inserting its row. The primary key (schedule, fire time) lets
 * exactly one insert succeed, whichever processes try at once, on SQLite and PostgreSQL alike:
 * true for the process that won, false when the row exists already.
 */
export async function claimFire(db: Db, fire: { scheduleId: string; fireAt: Date; manual: boolean; now: Date }): Promise<boolean> {
  try {
    await db.scheduleFire.create({ data: { scheduleId: fire.scheduleId, fireAt: fire.fireAt, manual: fire.manual, createdAt: fire.now } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}
