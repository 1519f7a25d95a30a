import type { Db } from "../db/client";
import type { RateLimitRule, RateLimitState } from "./types";

export type { RateLimitRule, RateLimitState } from "./types";

/**
 * Counts one hit against a fixed-window limit stored in the database (table `rate_limits`), so
 * every process, and every machine on PostgreSQL, shares the same counters. The hit counts even
 * when it is over the limit; the window still ends at its fixed time.
 *
 * Race-free without a transaction: an expired window is restarted by a conditional UPDATE that
 * only one of several racing hits can match (the others then see the new window start), and the
 * hit itself is one INSERT … ON CONFLICT DO UPDATE SET count = count + 1.
 */
export async function hitRateLimit(db: Db, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const windowOpen = new Date(now.getTime() - rule.windowMs);
  await db.rateLimit.updateMany({
    where: { key: rule.key, windowStart: { lte: windowOpen } },
    data: { count: 0, windowStart: now },
  });
  const row = await db.rateLimit.upsert({
    where: { key: rule.key },
    create: { key: rule.key, count: 1, windowStart: now },
    update: { count: { increment: 1 } },
  });
  const allowed = row.count <= rule.limit;
  const retryAfterMs = row.windowStart.getTime() + rule.windowMs - now.getTime();
  return {
    allowed,
    remaining: Math.max(0, rule.limit - row.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)),
  };
}
