import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFoundError } from "./errors";
import { createRouteWrappers, type RouteContext, type SessionUser } from "./route-wrapper";

const ann: SessionUser = { id: "u-ann", email: "ann@example.com", role: "user" };
const root: SessionUser = { id: "u-root", email: "root@example.com", role: "admin" };

function wrappers(user: SessionUser | null) {
  const currentUser = vi.fn(async () => user);
  const db = vi.fn(() => {
    throw new Error("no database in this test");
  });
  return { ...createRouteWrappers({ currentUser, db }), currentUser };
}

const ctx = (params: Record<string, string> = {}): RouteContext => ({ params: Promise.resolve(params) });
const req = (method: string, path: string, { body, origin }: { body?: string; origin?: string } = {}) =>
  new Request(`http://localhost:3000${path}`, {
    method,
    body,
    headers: { host: "localhost:3000", ...(origin && { origin }), ...(body !== undefined && { "content-type": "application/json" }) },
  });

describe("withSession", () => {
  it("answers 401 JSON without a session, never calling the handler", async () => {
    const { withSession } = wrappers(null);
    const handler = vi.fn(async () => Response.json({}));
    const res = await withSession(handler)(req("GET", "/api/me"), ctx());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: "Sign in to continue" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes the user, validated query and body, and route params to the handler", async () => {
    const { withSession } = wrappers(ann);
    const route = withSession(async ({ user, query, body, params }) => Response.json({ user, query, body, params }), {
      query: z.object({ dryRun: z.enum(["true", "false"]).transform((v) => v === "true") }),
      body: z.object({ name: z.string().trim().min(1) }),
    });
    const res = await route(req("POST", "/api/things/t1?dryRun=true", { body: JSON.stringify({ name: " Report " }), origin: "http://localhost:3000" }), ctx({ id: "t1" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: ann, query: { dryRun: true }, body: { name: "Report" }, params: { id: "t1" } });
  });

  it("refuses a cross-site state change with 403 before looking at the session", async () => {
    const { withSession, currentUser } = wrappers(ann);
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await withSession(handler)(req(method, "/api/things/t1", { origin: "https://evil.example" }), ctx({ id: "t1" }));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "Cross-site requests are not allowed." });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(currentUser).not.toHaveBeenCalled();
    expect((await withSession(handler)(req("DELETE", "/api/things/t1", { origin: "http://localhost:3000" }), ctx())).status).toBe(204);
  });

  it("answers malformed JSON with 400 and invalid fields with 422 naming them", async () => {
    const { withSession } = wrappers(ann);
    const route = withSession(async () => Response.json({ ok: true }), { body: z.object({ name: z.string().min(3, "Use at least 3 characters") }) });
    const bad = await route(req("POST", "/api/things", { body: "{oops" }), ctx());
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "The request body is not valid JSON." });
    const invalid = await route(req("POST", "/api/things", { body: JSON.stringify({ name: "ab" }) }), ctx());
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({ error: "Some fields are not valid", issues: [{ path: "name", message: "Use at least 3 characters" }] });
    const query = withSession(async () => Response.json({}), { query: z.object({ limit: z.coerce.number().max(10) }) });
    expect((await query(req("GET", "/api/things?limit=99"), ctx())).status).toBe(422);
  });

  it("maps what the handler throws: HTTP errors as they are, anything else as a bare 500", async () => {
    const { withSession } = wrappers(ann);
    const missing = await withSession(async () => {
      throw new NotFoundError("No such job");
    })(req("GET", "/api/jobs/x"), ctx({ id: "x" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "No such job" });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await withSession(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret')");
    })(req("GET", "/api/jobs"), ctx());
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain("secret");
    expect(log.mock.calls[0]?.[0]).toBe("[tandem] unexpected error in GET /api/jobs:");
    log.mockRestore();
  });

  it("keeps admin routes to admins", async () => {
    const route = (user: SessionUser) => wrappers(user).withSession(async () => Response.json({ ok: true }), { admin: true });
    const refused = await route(ann)(req("GET", "/api/workers"), ctx());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Only administrators can do that." });
    expect((await route(root)(req("GET", "/api/workers"), ctx())).status).toBe(200);
  });
});

describe("withoutSession", () => {
  it("needs no session but keeps the same-origin check and body validation", async () => {
    const { withoutSession, currentUser } = wrappers(null);
    const route = withoutSession(async ({ body }) => Response.json(body, { status: 201 }), { body: z.object({ email: z.email() }) });
    const ok = await route(req("POST", "/api/register", { body: JSON.stringify({ email: "a@b.co" }), origin: "http://localhost:3000" }), ctx());
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ email: "a@b.co" });
    expect((await route(req("POST", "/api/register", { body: JSON.stringify({ email: "a@b.co" }), origin: "https://evil.example" }), ctx())).status).toBe(403);
    expect((await route(req("POST", "/api/register", { body: "nope" }), ctx())).status).toBe(400);
    expect(currentUser).not.toHaveBeenCalled();
  });
});
