import type { Db } from "../db/client";
import type { RateLimitRule } from "./types";

/**
 * Gives back one hit counted by hitRateLimit in the current window, e.g. for a sign-in attempt
 * that turned out to succeed, when only failures should count.
 */
export async function undoRateLimitHit(db: Db, rule: RateLimitRule, now = new Date()): Promise<void> {
  await db.rateLimit.updateMany({
    where: { key: rule.key, count: { gt: 0 }, windowStart: { gt: new Date(now.getTime() - rule.windowMs) } },
    data: { count: { decrement: 1 } },
  });
}
