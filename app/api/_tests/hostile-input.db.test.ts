/*
 * Hostile input against every API route that reads a body, a query or an id, through the real
 * handlers on a real database (SQLite, and PostgreSQL under `npm run test:pg`, which refuses NUL in
 * text): malformed JSON, wrong types, huge bodies, unknown fields, long, Unicode and control-character
 * text. Every answer is a 4xx with a clear `{ error }` (or a success), never a 500.
 *
 * Unknown fields are refused (422 naming the field), everywhere: the API's schemas are strict, so a
 * misspelt option is reported instead of silently ignored.
 */
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/http/route-wrapper";
import { BAD_TEXT_MESSAGE } from "@/lib/http/control-characters";
import { MAX_JSON_BYTES } from "@/lib/http/parse-request";
import { call, resetRateLimits, setUpApi, tearDownApi, VALID_BODIES, type ApiFixture, type Method } from "./api-harness";
import { API_ROUTES, endpoints } from "./api-routes";

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/app/_server/session", () => ({ sessionUser: async () => signedIn.user }));

let api: ApiFixture;
let unexpected: ReturnType<typeof vi.spyOn>;
beforeAll(async () => {
  api = await setUpApi();
});
afterAll(() => tearDownApi(api));
beforeEach(async () => {
  signedIn.user = api.ann;
  await resetRateLimits(api);
  // errorResponse logs every error it answers 500 for: none may happen.
  unexpected = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = unexpected.mock.calls.map((args: unknown[]) => args.map(String).join(" "));
  unexpected.mockRestore();
  expect(calls).toEqual([]);
});

const RUNS = 25;
const jsonEndpoints = endpoints((_, spec) => !!spec.json).filter(([route, method]) => API_ROUTES[route]!.json!.includes(method));
const paramsFor = (route: string) => (API_ROUTES[route]!.owned ? { id: api.owned[API_ROUTES[route]!.owned!] } : undefined);

/** A refusal the user can act on: a 4xx with a non-empty message, or a success. */
async function expectNoServerError(response: Response, what: string) {
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    const body = (await response.json()) as { error?: unknown };
    expect(typeof body.error, what).toBe("string");
    expect((body.error as string).length, what).toBeGreaterThan(0);
    expect(body.error as string, what).not.toMatch(/\n\s+at /); // no stack trace
  }
}

async function send(route: string, method: Method, options: Parameters<typeof call>[2]) {
  await resetRateLimits(api);
  return call(route, method, { params: paramsFor(route), ...options });
}

/** `value` with the string at `path` (in objects and arrays) replaced. */
function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withValueAt(v, rest, replacement) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head!]: withValueAt(object[head!], rest, replacement) };
}

/** Paths to every string and field of a JSON value: where hostile text goes. */
function fieldPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldPaths(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...fieldPaths(v, [...at, k])]);
  return [at];
}

describe.each(jsonEndpoints)("%s %s", (route, method) => {
  const valid = VALID_BODIES[`${method} ${route}`];

  it("answers malformed JSON and empty bodies 400 with a clear message", async () => {
    const samples = ["{", '{"symbols": [', "nul", "'a'", "{symbols: 1}", '{"a":1,}', "\u0000", "[1,2", '"unterminated'];
    for (const body of samples) {
      const response = await send(route, method, { body, headers: { "content-type": "application/json" } });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toEqual({ error: "The request body is not valid JSON." });
    }
    const empty = await send(route, method, { body: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "The request needs a JSON body." });
  });

  it("answers any JSON of the wrong shape or types with a 4xx, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        await expectNoServerError(await send(route, method, { json: body }), JSON.stringify(body));
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fieldPaths(valid)), fc.jsonValue({ maxDepth: 2 }), async (path, replacement) => {
        const body = withValueAt(valid, path, replacement);
        await expectNoServerError(await send(route, method, { json: body }), JSON.stringify(body));
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers a body over ${MAX_JSON_BYTES / 1024} KB 413`, async () => {
    const huge = JSON.stringify({ ...(valid as object), padding: "x".repeat(MAX_JSON_BYTES) });
    const response = await send(route, method, { body: huge, headers: { "content-type": "application/json" } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The request body is too large (limit 256 KB)." });
  });

  it("refuses unknown fields with 422 naming them", async () => {
    const response = await send(route, method, { json: { ...(valid as object), isAdmin: true } });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("isAdmin");
  });

  it("takes long, Unicode and control-character text in any field with a 4xx or a success, and NUL or a lone surrogate always with 422", async () => {
    const hostileText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 64 }),
      fc.string({ unit: "grapheme", minLength: 200, maxLength: 2_000 }),
      fc.constantFrom("<script>alert(1)</script>", "=HYPERLINK(\"http://evil\")", "AAPL\u202E", "\u0000", "A\u0000A", "\uD800", "'; DROP TABLE jobs; --", "../../etc/passwd", "ＡＡＰＬ"),
    );
    const stringPaths = fieldPaths(valid).filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid) === "string");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...stringPaths), hostileText, async (path, text) => {
        const body = withValueAt(valid, path, text);
        const response = await send(route, method, { json: body });
        if (text.includes("\u0000") || !text.isWellFormed()) {
          expect(response.status).toBe(422);
          expect((await response.json()).error).toBe(BAD_TEXT_MESSAGE);
        } else await expectNoServerError(response, JSON.stringify(body));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("queries and ids", () => {
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 600 }), fc.constantFrom("\u0000", "-1", "1e999", "NaN", "2020-13-45", "[]"));

  it("GET /api/jobs answers any query with a 4xx or a success, never a 500", async () => {
    const keys = fc.oneof(fc.constantFrom("status", "kind", "batch", "q", "from", "to", "cursor", "limit", "mine", "today", "counts"), fc.string({ maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, anyText, { maxKeys: 4 }), async (query) => {
        await expectNoServerError(await send("jobs", "GET", { query }), JSON.stringify(query));
      }),
      { numRuns: RUNS * 2 },
    );
    const unknown = await send("jobs", "GET", { query: { colour: "red" } });
    expect(unknown.status).toBe(422);
    const cursor = await send("jobs", "GET", { query: { cursor: "not-a-cursor" } });
    expect(cursor.status).toBeGreaterThanOrEqual(400);
  });

  it("GET /api/datasets/:id/bars answers any symbol with a 4xx or a success", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (symbol) => {
        await expectNoServerError(await send("datasets/[id]/bars", "GET", { query: { symbol } }), JSON.stringify(symbol));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers any id, however long or strange, 404 on every route that takes one", async () => {
    const idRoutes = endpoints((_, spec) => !!spec.owned);
    const ids = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 40 }), fc.string({ minLength: 190, maxLength: 5_000 }), fc.constantFrom("\u0000", "%00", "..", "' OR 1=1 --"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...idRoutes), ids, async ([route, method, spec], id) => {
        const response = await send(route, method, { params: { id }, query: spec.query, json: VALID_BODIES[`${method} ${route}`] });
        expect(response.status, `${method} ${route} ${JSON.stringify(id)}`).toBe(404);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe("POST /api/datasets (multipart upload)", () => {
  const csv = "date,close\n2020-01-02,10\n2020-01-03,11\n";
  const upload = (fileName: string, fields: Record<string, string> = {}, content: BlobPart = csv) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", new Blob([content]), fileName);
    return send("datasets", "POST", { body: form });
  };

  it("answers a body that is not a well-formed upload 400 or 415, never a 500", async () => {
    const types = fc.constantFrom("multipart/form-data; boundary=xyz", "multipart/form-data", "application/json", "text/csv", "");
    await fc.assert(
      fc.asyncProperty(types, fc.uint8Array({ maxLength: 2_000 }), async (type, bytes) => {
        const response = await send("datasets", "POST", { body: bytes, headers: type ? { "content-type": type } : {} });
        expect([400, 413, 415, 422]).toContain(response.status);
        await expectNoServerError(response, type);
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps hostile file names as harmless display text: no path, no control characters", async () => {
    for (const name of ["../../etc/cron.d/evil.csv", "<img src=x onerror=alert(1)>.csv", "a\u0000b\u0007c.csv", "=cmd|' /C calc'!A0.csv", "\u202Evsc.csv", "\uD800.csv"]) {
      const response = await upload(name);
      // A NUL in the part's header is refused by the multipart parser itself: a clear 400 then.
      if (response.status === 400) {
        expect(name).toMatch(/\u0000/);
        expect((await response.json()).error).toMatch(/could not be read/);
        continue;
      }
      expect(response.status, name).toBe(202);
      const { datasetId } = (await response.json()) as { datasetId: string };
      const dataset = (await api.database.db.dataset.findUnique({ where: { id: datasetId } }))!;
      expect(dataset.fileName).not.toMatch(/[/\\\u0000-\u001f]/);
      expect(dataset.storedPath!.startsWith(api.dataDir)).toBe(true);
    }
  });

  it("refuses unknown and control-character fields with 422, other file types with 415, and a file over UPLOAD_MAX_MB with 413", async () => {
    const unknown = await upload("ok.csv", { owner: "someone-else" });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error).toMatch(/owner/);
    const nul = await upload("ok.csv", { name: "a\u0000b" });
    expect(nul.status).toBe(422);
    expect((await upload("evil.exe")).status).toBe(415);
    expect((await upload("evil.csv", {}, new Uint8Array([0x4d, 0x5a, 0, 0, 0, 1, 2, 3]))).status).toBe(415);
    process.env.UPLOAD_MAX_MB = "0.001";
    try {
      const big = await upload("big.csv", {}, "date,close\n" + "2020-01-02,10\n".repeat(200));
      expect(big.status).toBe(413);
      expect((await big.json()).error).toMatch(/larger than/);
    } finally {
      delete process.env.UPLOAD_MAX_MB;
    }
  });
});
