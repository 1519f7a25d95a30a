import type { Db } from "../db/client";
import { ConflictError } from "../http/errors";
import { registrationSchema, type RegistrationRequest } from "./credentials-schema";
import { hashPassword } from "./hash-password";

export interface RegisteredUser {
  id: string;
  email: string;
  role: "user" | "admin";
}

/**
 * A one-time latch in the shared counters table: the first registration to create this row
 * (its primary key makes that exactly one) may make itself admin as the first user.
 */
export const FIRST_ADMIN_CLAIM_KEY = "registration:first-admin";

const SELECT = { id: true, email: true, role: true } as const;

/**
 * Creates a user from a registration request, validating it first (a weak password or a bad
 * email throws the ZodError, which errorResponse answers with 422 and the rule that failed).
 *
 * The first user ever registered becomes admin, as does whoever registers with `adminEmail`
 * (ADMIN_EMAIL). "First" holds under races, also between processes and machines: after its
 * insert, each registration asks whether it is now the oldest user; every registration that
 * sees itself oldest (two can, when their inserts overlap) then races to create the
 * FIRST_ADMIN_CLAIM_KEY row, and only the one that creates it becomes admin. Among registrations
 * that overlap, that may not be the one with the earliest createdAt (Prisma stamps it before the
 * insert), but it is always exactly one.
 */
export async function registerUser(
  db: Db,
  request: RegistrationRequest,
  adminEmail: string | undefined = process.env.ADMIN_EMAIL,
): Promise<RegisteredUser> {
  const input = registrationSchema.parse(request);
  const isAdminEmail = !!adminEmail && adminEmail.trim().toLowerCase() === input.email;
  const passwordHash = await hashPassword(input.password);
  let user;
  try {
    user = await db.user.create({
      data: { email: input.email, name: input.name || null, passwordHash, role: isAdminEmail ? "admin" : "user" },
      select: SELECT,
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new ConflictError("An account with this email already exists. Sign in instead.");
    throw err;
  }
  if (isAdminEmail || !(await isOldestUser(db, user.id)) || !(await claimFirstAdmin(db))) return asRegistered(user);
  return asRegistered(await db.user.update({ where: { id: user.id }, data: { role: "admin" }, select: SELECT }));
}

async function isOldestUser(db: Db, id: string): Promise<boolean> {
  const oldest = await db.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return oldest?.id === id;
}

async function claimFirstAdmin(db: Db): Promise<boolean> {
  try {
    await db.rateLimit.create({ data: { key: FIRST_ADMIN_CLAIM_KEY, count: 1, windowStart: new Date() } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

function asRegistered(user: { id: string; email: string; role: string }): RegisteredUser {
  return { ...user, role: user.role === "admin" ? "admin" : "user" };
}
