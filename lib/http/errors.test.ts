import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  BadRequestError,
  ConflictError,
  errorResponse,
  ForbiddenError,
  formatWait,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "./errors";

afterEach(() => {
  vi.restoreAllMocks();
});

const answer = async (err: unknown) => {
  const res = errorResponse(err);
  return { status: res.status, body: await res.json(), headers: res.headers };
};

describe("errorResponse", () => {
  it("answers zod errors with 422 and one issue per field", async () => {
    const schema = z.object({ email: z.email("Enter a valid email address"), tags: z.array(z.string().min(1, "Tags cannot be empty")) });
    const { status, body } = await answer(schema.safeParse({ email: "nope", tags: ["ok", ""] }).error);
    expect(status).toBe(422);
    expect(body).toEqual({
      error: "Some fields are not valid",
      issues: [
        { path: "email", message: "Enter a valid email address" },
        { path: "tags.1", message: "Tags cannot be empty" },
      ],
    });
  });

  it("answers a ValidationError like a zod error", async () => {
    expect(await answer(new ValidationError("The date range is empty", [{ path: "to", message: "Must be after from" }]))).toMatchObject({
      status: 422,
      body: { error: "The date range is empty", issues: [{ path: "to", message: "Must be after from" }] },
    });
  });

  it.each([
    [new BadRequestError("The request body is not valid JSON."), 400, "The request body is not valid JSON."],
    [new UnauthorizedError(), 401, "Sign in to continue"],
    [new ForbiddenError(), 403, "You do not have permission to do that"],
    [new NotFoundError("No such job"), 404, "No such job"],
    [new ConflictError("An account with this email already exists."), 409, "An account with this email already exists."],
    [new PayloadTooLargeError("Too big"), 413, "Too big"],
  ])("answers %s with its status and message", async (err, status, error) => {
    expect(await answer(err)).toMatchObject({ status, body: { error } });
  });

  it("answers 429 with Retry-After in whole seconds", async () => {
    const { status, body, headers } = await answer(new RateLimitedError(89.2));
    expect(status).toBe(429);
    expect(headers.get("Retry-After")).toBe("90");
    expect(body).toEqual({ error: "Too many attempts. Try again in 90 seconds." });
    expect((await answer(new RateLimitedError(0, "Slow down."))).headers.get("Retry-After")).toBe("1");
  });

  it("answers anything else with a generic 500, logging the real error but never sending it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("connect ECONNREFUSED postgres://tandem:hunter2@db:5432");
    const res = errorResponse(secret, "GET /api/jobs");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: "Something went wrong on our side. Please try again." });
    expect(text).not.toMatch(/hunter2|ECONNREFUSED|stack/);
    expect(log).toHaveBeenCalledWith("[tandem] unexpected error in GET /api/jobs:", secret);
    expect((await answer("a thrown string")).status).toBe(500);
  });
});

describe("formatWait", () => {
  it("uses seconds under a minute and a half, then minutes", () => {
    expect(formatWait(0)).toBe("1 second");
    expect(formatWait(42)).toBe("42 seconds");
    expect(formatWait(90)).toBe("2 minutes");
    expect(formatWait(14 * 60)).toBe("14 minutes");
  });
});
