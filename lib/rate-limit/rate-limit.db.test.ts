import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { hitRateLimit } from "./hit-rate-limit";
import { resetRateLimit } from "./reset-rate-limit";
import type { RateLimitRule } from "./types";
import { undoRateLimitHit } from "./undo-rate-limit-hit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

let n = 0;
/** A rule on a key no other test uses: 3 hits per minute. */
const freshRule = (): RateLimitRule => ({ key: `test:${++n}`, limit: 3, windowMs: 60_000 });
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

describe("hitRateLimit", () => {
  it("allows `limit` hits per window, then refuses with the seconds left in the window", async () => {
    const rule = freshRule();
    const states = [];
    for (const s of [0, 10, 20, 30, 45]) states.push(await hitRateLimit(database.db, rule, at(s)));
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false, false]);
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(states[3]!.retryAfterSeconds).toBe(30);
    expect(states[4]!.retryAfterSeconds).toBe(15);
  });

  it("starts a new window once the old one has passed (a fixed window, not extended by refused hits)", async () => {
    const rule = freshRule();
    for (let i = 0; i < 5; i++) await hitRateLimit(database.db, rule, at(i));
    expect((await hitRateLimit(database.db, rule, at(59))).allowed).toBe(false);
    const next = await hitRateLimit(database.db, rule, at(60));
    expect(next).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    const row = await database.db.rateLimit.findUniqueOrThrow({ where: { key: rule.key } });
    expect(row).toMatchObject({ count: 1, windowStart: at(60) });
  });

  it("keeps separate counters per key", async () => {
    const a = freshRule();
    const b = freshRule();
    for (let i = 0; i < 4; i++) await hitRateLimit(database.db, a, at(0));
    expect((await hitRateLimit(database.db, b, at(0))).allowed).toBe(true);
  });

  it("counts every one of many simultaneous hits exactly once", async () => {
    const rule = { ...freshRule(), limit: 10 };
    const states = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(database.db, rule, at(0))));
    expect(states.filter((s) => s.allowed)).toHaveLength(10);
    expect((await database.db.rateLimit.findUniqueOrThrow({ where: { key: rule.key } })).count).toBe(40);
  });

  it("restarts an expired window once when simultaneous hits find it expired", async () => {
    const rule = { ...freshRule(), limit: 10 };
    for (let i = 0; i < 12; i++) await hitRateLimit(database.db, rule, at(0));
    const states = await Promise.all(Array.from({ length: 15 }, () => hitRateLimit(database.db, rule, at(61))));
    expect(states.filter((s) => s.allowed)).toHaveLength(10);
    expect((await database.db.rateLimit.findUniqueOrThrow({ where: { key: rule.key } })).count).toBe(15);
  });
});

describe("undoRateLimitHit and resetRateLimit", () => {
  it("gives back one hit in the current window, never below zero and never in an expired window", async () => {
    const rule = freshRule();
    for (let i = 0; i < 3; i++) await hitRateLimit(database.db, rule, at(0));
    await undoRateLimitHit(database.db, rule, at(1));
    expect((await hitRateLimit(database.db, rule, at(2))).allowed).toBe(true);
    expect((await hitRateLimit(database.db, rule, at(3))).allowed).toBe(false);

    const other = freshRule();
    await undoRateLimitHit(database.db, other, at(0)); // no row: nothing to do
    await hitRateLimit(database.db, other, at(0));
    await undoRateLimitHit(database.db, other, at(1));
    await undoRateLimitHit(database.db, other, at(1));
    expect((await database.db.rateLimit.findUniqueOrThrow({ where: { key: other.key } })).count).toBe(0);
    await hitRateLimit(database.db, other, at(2));
    await undoRateLimitHit(database.db, other, at(90));
    expect((await database.db.rateLimit.findUniqueOrThrow({ where: { key: other.key } })).count).toBe(1);
  });

  it("forgets a key entirely", async () => {
    const rule = freshRule();
    for (let i = 0; i < 5; i++) await hitRateLimit(database.db, rule, at(0));
    await resetRateLimit(database.db, rule.key);
    expect(await hitRateLimit(database.db, rule, at(1))).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });
});
