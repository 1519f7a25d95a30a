import { describe, expect, it } from "vitest";
import { errorResponse } from "../http/errors";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a locked SQLite, an unreachable PostgreSQL and pool exhaustion, also as a cause", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Operation has timed out"), { code: "P1008" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    const rawQuery = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY", kind: "SocketTimeout" } } } };
    expect(isDatabaseUnavailable(Object.assign(new Error("Raw query failed"), rawQuery))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("makes a route answer 503 with Retry-After and a message that says what happened, not the internals", async () => {
    const res = errorResponse(Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/data/tandem.db"), { code: "P1008" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/database is busy or unreachable/);
    expect(body.error).not.toMatch(/SQLITE|tandem\.db/);
  });
});
