import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { createRouteWrappers, type SessionUser } from "./route-wrapper";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

let clock = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const ctx = { params: Promise.resolve({}) };
const req = (ip: string) => new Request("http://localhost:3000/api/things", { method: "POST", headers: { host: "localhost:3000", "x-forwarded-for": ip } });
const rateLimit = { name: "things:create", limit: 2, windowMs: 60_000 };

function wrappersFor(user: SessionUser | null) {
  return createRouteWrappers({ currentUser: async () => user, db: () => database.db, now: () => clock });
}

describe("the rateLimit option", () => {
  it("limits each user separately, answers 429 with Retry-After, and opens again after the window", async () => {
    const ann = wrappersFor({ id: "ann", email: "ann@example.com", role: "user" }).withSession(async () => new Response(null, { status: 204 }), { rateLimit });
    const bob = wrappersFor({ id: "bob", email: "bob@example.com", role: "user" }).withSession(async () => new Response(null, { status: 204 }), { rateLimit });
    expect((await ann(req("1.1.1.1"), ctx)).status).toBe(204);
    expect((await ann(req("2.2.2.2"), ctx)).status).toBe(204);
    clock = new Date(clock.getTime() + 15_000);
    const limited = await ann(req("3.3.3.3"), ctx);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("45");
    expect(await limited.json()).toEqual({ error: "Too many attempts. Try again in 45 seconds." });
    expect((await bob(req("1.1.1.1"), ctx)).status).toBe(204);
    clock = new Date(clock.getTime() + 45_000);
    expect((await ann(req("1.1.1.1"), ctx)).status).toBe(204);
  });

  it("limits by address without a session, or when asked to, with a custom message", async () => {
    const limit = { ...rateLimit, name: "things:ip", message: (s: number) => `Wait ${s}s.` };
    const open = wrappersFor(null).withoutSession(async () => new Response(null, { status: 204 }), { rateLimit: limit });
    const signedIn = wrappersFor({ id: "cid", email: "c@example.com", role: "user" }).withSession(async () => new Response(null, { status: 204 }), {
      rateLimit: { ...limit, by: "ip" },
    });
    expect((await open(req("9.9.9.9"), ctx)).status).toBe(204);
    expect((await signedIn(req("9.9.9.9"), ctx)).status).toBe(204);
    const limited = await open(req("9.9.9.9"), ctx);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: "Wait 60s." });
    expect((await open(req("9.9.9.8"), ctx)).status).toBe(204);
  });

  it("does not count requests refused before it (no session, cross-site)", async () => {
    const anonymous = wrappersFor(null).withSession(async () => new Response(null, { status: 204 }), { rateLimit: { ...rateLimit, name: "things:anon" } });
    for (let i = 0; i < 5; i++) expect((await anonymous(req("4.4.4.4"), ctx)).status).toBe(401);
    expect(await database.db.rateLimit.count({ where: { key: { startsWith: "route:things:anon" } } })).toBe(0);
  });
});
