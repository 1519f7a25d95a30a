import type { Db } from "../db/client";
import { RateLimitedError } from "../http/errors";
import { hitRateLimit, type RateLimitRule } from "../rate-limit/hit-rate-limit";
import { resetRateLimit } from "../rate-limit/reset-rate-limit";
import { undoRateLimitHit } from "../rate-limit/undo-rate-limit-hit";
import { hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

export const SIGNIN_LIMITS = { perEmail: 5, perIp: 20, windowMs: 15 * 60_000 };

const emailRule = (email: string): RateLimitRule => ({ key: `signin-fail:email:${email}`, limit: SIGNIN_LIMITS.perEmail, windowMs: SIGNIN_LIMITS.windowMs });
const ipRule = (ip: string): RateLimitRule => ({ key: `signin-fail:ip:${ip}`, limit: SIGNIN_LIMITS.perIp, windowMs: SIGNIN_LIMITS.windowMs });

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

// Checked when the email is unknown, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;

/**
 * Checks an email and password: the user, or null when either is wrong (without saying which).
 *
 * Failed attempts are limited per email (SIGNIN_LIMITS.perEmail) and per IP address (perIp) in
 * fixed 15-minute windows. Each attempt takes its slot before the password is checked, so even
 * many attempts at once cannot get past a limit; a successful sign-in gives its slots back and
 * clears the email's failures. Past a limit every attempt is refused with a RateLimitedError
 * saying when to retry, right password or not.
 */
export async function verifyCredentials(
  db: Db,
  { email, password, ip }: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<VerifiedUser | null> {
  const normalized = email.trim().toLowerCase();
  const rules = [emailRule(normalized), ipRule(ip)];
  const states = [];
  for (const rule of rules) states.push(await hitRateLimit(db, rule, now));
  const wait = Math.max(...states.map((s) => s.retryAfterSeconds));
  if (states.some((s) => !s.allowed)) throw new RateLimitedError(wait, signinLimitMessage(wait));

  const user = await db.user.findUnique({ where: { email: normalized } });
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash, password), false);
  if (!ok || !user) return null;

  await resetRateLimit(db, rules[0]!.key);
  await undoRateLimitHit(db, rules[1]!, now);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function signinLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
