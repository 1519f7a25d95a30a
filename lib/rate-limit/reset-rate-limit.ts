import type { Db } from "../db/client";

/** Forgets every hit counted for a key, e.g. an email's failed sign-ins once it signs in. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
