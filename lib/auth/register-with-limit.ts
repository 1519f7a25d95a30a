import type { Db } from "../db/client";
import { RateLimitedError, formatWait } from "../http/errors";
import { hitRateLimit } from "../rate-limit/hit-rate-limit";
import type { RegistrationRequest } from "./credentials-schema";
import { registerUser, type RegisteredUser } from "./register-user";

export const REGISTRATION_LIMIT = { perIp: 10, windowMs: 60 * 60_000 };

/** Registrations allowed per address per hour: REGISTRATION_LIMIT_PER_IP, else 10. */
export function registrationsPerIp(): number {
  const n = Number(process.env.REGISTRATION_LIMIT_PER_IP);
  return Number.isInteger(n) && n > 0 ? n : REGISTRATION_LIMIT.perIp;
}

/**
 * Registration as the API offers it: every attempt from an address counts (also refused ones,
 * so nobody can probe which emails have accounts at speed), at most `perIp` per hour.
 */
export async function registerWithLimit(
  db: Db,
  request: RegistrationRequest,
  {
    ip,
    now = new Date(),
    adminEmail = process.env.ADMIN_EMAIL,
    perIp = registrationsPerIp(),
  }: { ip: string; now?: Date; adminEmail?: string; perIp?: number },
): Promise<RegisteredUser> {
  const rule = { key: `register:ip:${ip}`, limit: perIp, windowMs: REGISTRATION_LIMIT.windowMs };
  const state = await hitRateLimit(db, rule, now);
  if (!state.allowed) {
    throw new RateLimitedError(state.retryAfterSeconds, `Too many new accounts from your address. Try again in ${formatWait(state.retryAfterSeconds)}.`);
  }
  return registerUser(db, request, adminEmail);
}
