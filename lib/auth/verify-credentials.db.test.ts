import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { RateLimitedError } from "../http/errors";
import { registerUser } from "./register-user";
import { SIGNIN_LIMITS, signinLimitMessage, verifyCredentials } from "./verify-credentials";

let database: TestDatabase;
const password = "the right passphrase";
beforeEach(async () => {
  database = await createTestDatabase();
  await registerUser(database.db, { email: "ann@example.com", password, name: "Ann" }, undefined);
});
afterEach(async () => database.drop());

const at = (minutes: number, seconds = 0) => new Date(Date.UTC(2026, 0, 1, 12, minutes, seconds));
const attempt = (password: string, { email = "ann@example.com", ip = "1.1.1.1", now = at(0) } = {}) =>
  verifyCredentials(database.db, { email, password, ip }, now);

describe("verifyCredentials", () => {
  it("accepts the right password (any email case) and refuses a wrong one or an unknown email", async () => {
    expect(await attempt(password, { email: " ANN@example.com" })).toEqual({ id: expect.any(String), email: "ann@example.com", name: "Ann", role: "admin" });
    expect(await attempt("wrong one!")).toBeNull();
    expect(await attempt(password, { email: "nobody@example.com" })).toBeNull();
  });

  it("locks an email after 5 failures, even for the right password and from other addresses, until the window passes", async () => {
    for (let i = 0; i < SIGNIN_LIMITS.perEmail; i++) expect(await attempt("wrong", { ip: `10.0.0.${i}` })).toBeNull();
    const locked = attempt(password, { ip: "10.0.1.1", now: at(1) });
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(locked).rejects.toMatchObject({ status: 429, retryAfterSeconds: 14 * 60, message: "Too many failed sign-ins. Try again in 14 minutes." });
    await expect(attempt(password, { now: at(14, 59) })).rejects.toThrow("Try again in 1 minute.");
    expect(await attempt(password, { ip: "10.0.1.1", now: at(15) })).not.toBeNull();
  });

  it("forgets an email's failures once it signs in", async () => {
    for (let i = 0; i < SIGNIN_LIMITS.perEmail - 1; i++) await attempt("wrong");
    expect(await attempt(password)).not.toBeNull();
    for (let i = 0; i < SIGNIN_LIMITS.perEmail; i++) expect(await attempt("wrong")).toBeNull();
    await expect(attempt(password)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("limits failures per IP address across emails; successful sign-ins do not count", async () => {
    for (let i = 0; i < 30; i++) expect(await attempt(password, { ip: "6.6.6.6" })).not.toBeNull();
    for (let i = 0; i < SIGNIN_LIMITS.perIp; i++) expect(await attempt("x", { email: `guess${i}@example.com`, ip: "6.6.6.6" })).toBeNull();
    await expect(attempt(password, { ip: "6.6.6.6", now: at(2) })).rejects.toBeInstanceOf(RateLimitedError);
    expect(await attempt(password, { ip: "7.7.7.7", now: at(2) })).not.toBeNull();
    expect(await attempt(password, { ip: "6.6.6.6", now: at(15) })).not.toBeNull();
  });

  it("lets no more than 5 of many simultaneous guesses at one email be checked", async () => {
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => attempt(`guess number ${i}`, { ip: `10.9.0.${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(SIGNIN_LIMITS.perEmail);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof RateLimitedError)).toBe(true);
  });
});

describe("signinLimitMessage", () => {
  it("rounds up to whole minutes", () => {
    expect(signinLimitMessage(1)).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(signinLimitMessage(61)).toBe("Too many failed sign-ins. Try again in 2 minutes.");
    expect(signinLimitMessage(900)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
  });
});
