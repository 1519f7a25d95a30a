/*
 * Access control over every API route, through the real handlers on a real database: no session,
 * another user's ids, a user on admin routes, cross-site state-changing requests.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/http/route-wrapper";
import { call, exportedMethods, HOSTILE_ORIGIN, resetRateLimits, routeFiles, routeModule, setUpApi, STATE_CHANGING, tearDownApi, VALID_BODIES, type ApiFixture } from "./api-harness";
import { API_ROUTES, endpoints } from "./api-routes";

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

const inProcess = endpoints((_, spec) => spec.access !== "next-auth");
const ownedIdOf = (spec: (typeof API_ROUTES)[string]) => (spec.owned ? { id: api.owned[spec.owned] } : undefined);
const bodyFor = (route: string, method: string) => VALID_BODIES[`${method} ${route}`];

describe("the route table", () => {
  it("lists every route file under app/api with exactly the methods it exports", async () => {
    expect(routeFiles()).toEqual(Object.keys(API_ROUTES).sort());
    for (const [route, spec] of Object.entries(API_ROUTES)) {
      expect({ route, methods: exportedMethods(await routeModule(route)) }).toEqual({ route, methods: [...spec.methods].sort(byMethodOrder) });
    }
  });
});

describe("without a session", () => {
  it.each(inProcess.filter(([, , s]) => s.access !== "public"))("%s %s answers 401 JSON", async (route, method, spec) => {
    const response = await call(route, method, { params: ownedIdOf(spec), query: spec.query, json: bodyFor(route, method) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to continue" });
  });

  it("registration is open; a wrong metrics token is not a session", async () => {
    expect((await call("register", "POST", { json: { email: "open@example.com", password: "a long unusual passphrase" } })).status).toBe(201);
    expect((await call("metrics", "GET", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await call("metrics", "GET", { headers: { authorization: "Bearer metrics-token-for-tests" } })).status).toBe(200);
  });
});

describe("another user's ids", () => {
  const ownedRoutes = inProcess.filter(([, , s]) => s.owned);

  it.each(ownedRoutes)("%s %s on Ann's id answers Bob 404, and changes nothing", async (route, method, spec) => {
    signedIn.user = api.bob;
    const response = await call(route, method, { params: ownedIdOf(spec), query: spec.query, json: bodyFor(route, method) });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/not found|no such/i);
  });

  it.each(ownedRoutes)("%s %s on an id that does not exist answers Ann 404", async (route, method, spec) => {
    signedIn.user = api.ann;
    const response = await call(route, method, { params: { id: "00000000-0000-4000-8000-000000000000" }, query: spec.query, json: bodyFor(route, method) });
    expect(response.status).toBe(404);
  });

  it("Ann's things are all still there, and visible to her", async () => {
    signedIn.user = api.ann;
    for (const [route, , spec] of ownedRoutes.filter(([, m]) => m === "GET")) {
      expect((await call(route, "GET", { params: ownedIdOf(spec), query: spec.query })).status, route).toBe(200);
    }
    expect(await api.database.db.watchlist.count({ where: { id: api.owned.watchlist } })).toBe(1);
    expect((await api.queue.get(api.owned.job))?.status).toBe("queued");
  });

  it("Bob's job list and bulk actions reveal nothing of Ann's jobs or batch", async () => {
    signedIn.user = api.bob;
    const list = await call("jobs", "GET", { query: { batch: api.owned.batch } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { jobs: unknown[]; batches: unknown[] };
    expect(body.jobs).toEqual([]);
    expect(body.batches).toEqual([]);
    const bulk = await call("jobs/bulk", "POST", { json: { action: "delete", ids: [api.owned.job] } });
    expect(await bulk.json()).toEqual({ results: [expect.objectContaining({ id: api.owned.job, ok: false })] });
    expect(JSON.stringify(await (await call("symbols", "GET")).json())).not.toContain("MSFT");
    expect(JSON.stringify(await (await call("datasets", "GET")).json())).not.toContain(api.owned.dataset);
    expect(JSON.stringify(await (await call("schedules", "GET")).json())).not.toContain(api.owned.schedule);
    expect(JSON.stringify(await (await call("watchlists", "GET")).json())).not.toContain(api.owned.watchlist);
    expect((await api.queue.get(api.owned.job))?.status).toBe("queued");
  });
});

describe("shared jobs", () => {
  it("are visible to every user, but only an admin cancels, retries or deletes one (403)", async () => {
    signedIn.user = api.bob;
    expect((await call("jobs/[id]", "GET", { params: { id: api.sharedJob } })).status).toBe(200);
    for (const [route, method] of [["jobs/[id]/cancel", "POST"], ["jobs/[id]/retry", "POST"], ["jobs/[id]", "DELETE"]] as const) {
      const refused = await call(route, method, { params: { id: api.sharedJob } });
      expect(refused.status, `${method} ${route}`).toBe(403);
      expect(await refused.json()).toEqual({ error: "Only an administrator can change a shared job." });
    }
    const bulk = await call("jobs/bulk", "POST", { json: { action: "cancel", ids: [api.sharedJob] } });
    expect(await bulk.json()).toEqual({ results: [{ id: api.sharedJob, ok: false, error: "Only an administrator can change a shared job." }] });
    expect((await api.queue.get(api.sharedJob))?.status).toBe("queued");
    signedIn.user = api.admin;
    expect((await call("jobs/[id]/cancel", "POST", { params: { id: api.sharedJob } })).status).toBe(200);
  });
});

describe("admin routes", () => {
  const adminOnly = inProcess.filter(([, , s]) => s.access === "admin" || s.access === "admin-or-token");

  it.each(adminOnly)("%s %s answers a user 403 and an admin 200", async (route, method) => {
    signedIn.user = api.ann;
    const refused = await call(route, method);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Only administrators can do that." });
    signedIn.user = api.admin;
    expect((await call(route, method)).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  const stateChanging = inProcess.filter(([, m]) => STATE_CHANGING.includes(m));

  it.each(stateChanging)("%s %s with a foreign Origin answers 403, even with a session", async (route, method, spec) => {
    signedIn.user = api.ann;
    for (const headers of [{ origin: HOSTILE_ORIGIN }, { origin: null, headers: { "sec-fetch-site": "cross-site" } }, { origin: "null" }]) {
      const response = await call(route, method, { params: ownedIdOf(spec), json: bodyFor(route, method), ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "Cross-site requests are not allowed." });
    }
    expect((await api.queue.get(api.owned.job))?.status).toBe("queued");
    expect(await api.database.db.schedule.count({ where: { id: api.owned.schedule } })).toBe(1);
  });
});

function byMethodOrder(a: string, b: string) {
  const order = ["GET", "POST", "PUT", "PATCH", "DELETE"];
  return order.indexOf(a) - order.indexOf(b);
}
