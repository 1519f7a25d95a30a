/*
 * The rate limits of the routes an attacker (or a runaway script) would hammer: registration,
 * analysis submission, upload. Through the real handlers on a real database: past the limit, 429
 * with Retry-After and a message saying when to try again. (Sign-in is limited inside next-auth's
 * credentials check, its refusal answered 429: lib/auth/verify-credentials.db.test.ts,
 * lib/auth/signin-rate-limit-status.test.ts and e2e/auth.spec.ts.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { REGISTRATION_LIMIT } from "@/lib/auth/register-with-limit";
import type { SessionUser } from "@/lib/http/route-wrapper";
import { call, resetRateLimits, setUpApi, tearDownApi, type ApiFixture } from "./api-harness";

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/app/_server/session", () => ({ sessionUser: async () => signedIn.user }));

let api: ApiFixture;
beforeAll(async () => {
  api = await setUpApi();
});
afterAll(() => tearDownApi(api));
beforeEach(async () => {
  signedIn.user = null;
  await resetRateLimits(api);
});

async function expectLimited(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("Retry-After"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  expect((await response.json()).error).toMatch(message);
}

describe("rate limits", () => {
  it(`registration: ${REGISTRATION_LIMIT.perIp} attempts an hour per address, then 429; another address still registers`, async () => {
    const register = (i: number, ip = "198.51.100.1") =>
      call("register", "POST", { json: { email: `new-${i}@example.com`, password: "a long unusual passphrase" }, headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < REGISTRATION_LIMIT.perIp; i++) expect((await register(i)).status).toBe(201);
    await expectLimited(await register(99), /Too many new accounts from your address\. Try again in \d+ minutes\./);
    expect(await api.database.db.user.count({ where: { email: "new-99@example.com" } })).toBe(0);
    expect((await register(100, "198.51.100.2")).status).toBe(201);
  });

  it("analysis submission: 60 a minute per user, then 429; other users are not held up", async () => {
    signedIn.user = api.ann;
    for (let i = 0; i < 60; i++) expect((await call("analyses", "POST", { json: { symbols: ["AAPL"] } })).status).toBe(202);
    await expectLimited(await call("analyses", "POST", { json: { symbols: ["AAPL"] } }), /^Too many submissions\. Try again in \d+ seconds\.$/);
    signedIn.user = api.bob;
    // Bob has no data for AAPL: refused for that (422), not for Ann's submissions.
    expect((await call("analyses", "POST", { json: { symbols: ["AAPL"] } })).status).toBe(422);
  });

  it("upload: 30 files an hour per user, then 429 with the wait in minutes", async () => {
    signedIn.user = api.ann;
    const upload = () => {
      const form = new FormData();
      form.append("file", new Blob(["date,close\n2020-01-02,10\n"]), "prices.csv");
      return call("datasets", "POST", { body: form });
    };
    for (let i = 0; i < 30; i++) expect((await upload()).status).toBe(202);
    await expectLimited(await upload(), /^Upload limit reached \(30 files an hour\)\. Try again in \d+ minutes\.$/);
  });
});
