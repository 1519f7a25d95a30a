import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createDatabase } from "../db/client";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { ConflictError, RateLimitedError } from "../http/errors";
import { FIRST_ADMIN_CLAIM_KEY, registerUser } from "./register-user";
import { REGISTRATION_LIMIT, registerWithLimit, registrationsPerIp } from "./register-with-limit";
import { verifyPassword } from "./verify-password";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.drop());

const input = (email: string, password = "a decent passphrase") => ({ email, password });

describe("registerUser", () => {
  it("makes the first user admin and later users plain users; stores an argon2id hash, never the password", async () => {
    const first = await registerUser(database.db, input(" First@Example.com "), undefined);
    const second = await registerUser(database.db, { ...input("second@example.com"), name: "Second" }, undefined);
    expect(first).toEqual({ id: expect.any(String), email: "first@example.com", role: "admin" });
    expect(second.role).toBe("user");
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: second.id } });
    expect(stored).toMatchObject({ email: "second@example.com", name: "Second", role: "user" });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("a decent passphrase");
    expect(await verifyPassword(stored.passwordHash, "a decent passphrase")).toBe(true);
  });

  it("makes the ADMIN_EMAIL user admin whenever they register, whatever the case", async () => {
    await registerUser(database.db, input("someone@example.com"), "boss@example.com");
    expect((await registerUser(database.db, input("other@example.com"), "boss@example.com")).role).toBe("user");
    expect((await registerUser(database.db, input("Boss@Example.com"), " BOSS@example.com ")).role).toBe("admin");
  });

  it("reads ADMIN_EMAIL from the environment by default", async () => {
    await registerUser(database.db, input("someone@example.com"));
    const previous = process.env.ADMIN_EMAIL;
    process.env.ADMIN_EMAIL = "env-admin@example.com";
    try {
      expect((await registerUser(database.db, input("env-admin@example.com"))).role).toBe("admin");
    } finally {
      if (previous === undefined) delete process.env.ADMIN_EMAIL;
      else process.env.ADMIN_EMAIL = previous;
    }
  });

  it("refuses a duplicate email, whatever its case, with a ConflictError (409)", async () => {
    await registerUser(database.db, input("dup@example.com"), undefined);
    const again = registerUser(database.db, input("DUP@example.com", "another passphrase"), undefined);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ status: 409, message: "An account with this email already exists. Sign in instead." });
    expect(await database.db.user.count()).toBe(1);
  });

  it("refuses a weak password with the rule it breaks, and stores nothing", async () => {
    const cases: [string, string][] = [
      ["short", "Use at least 10 characters for your password"],
      ["weak@example.com", "Your password must not be your email address"],
      ["aaaaaaaaaaaa", "Use a password with more variety (at least 4 different characters)"],
      ["password123", "That password is too common. Choose one that is harder to guess"],
    ];
    for (const [password, message] of cases) {
      const attempt = registerUser(database.db, input("weak@example.com", password), undefined);
      await expect(attempt).rejects.toBeInstanceOf(ZodError);
      await expect(attempt).rejects.toSatisfy((err: ZodError) => err.issues.some((i) => i.path[0] === "password" && i.message === message));
    }
    expect(await database.db.user.count()).toBe(0);
  });

  it("makes exactly one admin when the first registrations race on separate connections", async () => {
    const clients = Array.from({ length: 4 }, () => createDatabase(database.config).db);
    try {
      const users = await Promise.all(
        clients.flatMap((db, c) => [0, 1].map((i) => registerUser(db, input(`racer-${c}-${i}@example.com`), undefined))),
      );
      // Which racer wins is not fixed: Prisma stamps createdAt before the insert, so the user with
      // the earliest createdAt may commit after another racer already saw itself oldest and claimed.
      expect(users.filter((u) => u.role === "admin")).toHaveLength(1);
      expect(await database.db.user.count({ where: { role: "admin" } })).toBe(1);
      expect(await database.db.rateLimit.count({ where: { key: FIRST_ADMIN_CLAIM_KEY } })).toBe(1);
      expect((await registerUser(database.db, input("after-the-race@example.com"), undefined)).role).toBe("user");
    } finally {
      await Promise.all(clients.map((db) => db.$disconnect()));
    }
  });

  it("makes one admin when two registrations each see themselves as the oldest user", async () => {
    // What overlapping inserts (or another machine's clock running behind) look like: the first
    // registration's user ends up with a later created_at than the second one's.
    const first = await registerUser(database.db, input("first@example.com"), undefined);
    await database.db.user.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() + 60_000) } });
    expect((await registerUser(database.db, input("second@example.com"), undefined)).role).toBe("user");
    expect(await database.db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("makes nobody admin by order once the first-admin claim is taken (only ADMIN_EMAIL then)", async () => {
    await database.db.rateLimit.create({ data: { key: FIRST_ADMIN_CLAIM_KEY, count: 1, windowStart: new Date() } });
    expect((await registerUser(database.db, input("late@example.com"), undefined)).role).toBe("user");
  });
});

describe("registerWithLimit", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

  it("allows a few registrations per address per hour, counting refused ones, then says when to retry", async () => {
    await registerWithLimit(database.db, input("taken@example.com"), { ip: "5.5.5.5", now: at(0), adminEmail: undefined });
    for (let i = 1; i < REGISTRATION_LIMIT.perIp; i++) {
      await expect(registerWithLimit(database.db, input("taken@example.com"), { ip: "5.5.5.5", now: at(1) })).rejects.toBeInstanceOf(ConflictError);
    }
    const limited = registerWithLimit(database.db, input("new@example.com"), { ip: "5.5.5.5", now: at(20) });
    await expect(limited).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limited).rejects.toMatchObject({ status: 429, retryAfterSeconds: 40 * 60, message: "Too many new accounts from your address. Try again in 40 minutes." });

    expect((await registerWithLimit(database.db, input("elsewhere@example.com"), { ip: "5.5.5.6", now: at(20) })).role).toBe("user");
    expect((await registerWithLimit(database.db, input("new@example.com"), { ip: "5.5.5.5", now: at(61) })).email).toBe("new@example.com");
  });

  it("takes its limit from REGISTRATION_LIMIT_PER_IP when set to a positive integer", () => {
    const previous = process.env.REGISTRATION_LIMIT_PER_IP;
    try {
      for (const [value, expected] of [["200", 200], ["0", 10], ["lots", 10], ["", 10]] as const) {
        process.env.REGISTRATION_LIMIT_PER_IP = value;
        expect(registrationsPerIp()).toBe(expected);
      }
    } finally {
      if (previous === undefined) delete process.env.REGISTRATION_LIMIT_PER_IP;
      else process.env.REGISTRATION_LIMIT_PER_IP = previous;
    }
  });
});
