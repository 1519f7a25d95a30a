import { z } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable";

/** An error whose message is safe and useful to show the user, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request itself is malformed (e.g. its body is not JSON). */
export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}
/** 401: no session. */
export class UnauthorizedError extends HttpError {
  constructor(message = "Sign in to continue") {
    super(401, message);
  }
}
/** 403: signed in, but not allowed (or a cross-site request). */
export class ForbiddenError extends HttpError {
  constructor(message = "You do not have permission to do that") {
    super(403, message);
  }
}
export class NotFoundError extends HttpError {
  constructor(message = "Not found") {
    super(404, message);
  }
}
/** 409: the request clashes with what exists (a duplicate email, a job in the wrong state). */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}
export class PayloadTooLargeError extends HttpError {
  constructor(message: string) {
    super(413, message);
  }
}

/** 415: content of a type we do not take (a binary file where a CSV was expected). */
export class UnsupportedMediaTypeError extends HttpError {
  constructor(message: string) {
    super(415, message);
  }
}

/** 503: the server cannot do this right now (a resource it needs is unavailable); nothing was changed. */
export class ServiceUnavailableError extends HttpError {
  constructor(message: string) {
    super(503, message);
  }
}

/** 507: no room to store what was sent (disk full, quota, file size limit). */
export class InsufficientStorageError extends HttpError {
  constructor(message: string) {
    super(507, message);
  }
}

export interface FieldIssue {
  /** Dotted path of the field, "" for the whole input. */
  path: string;
  message: string;
}

/** 422: well-formed but invalid input. Answered like a ZodError: `{ error, issues }`. */
export class ValidationError extends HttpError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(422, message);
  }
}

/** 429, with a Retry-After header. */
export class RateLimitedError extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`,
  ) {
    super(429, message);
  }
}

const DATABASE_RETRY_AFTER_SECONDS = 5;

/** "40 seconds", "3 minutes": how long to wait, for messages. */
export function formatWait(seconds: number): string {
  if (seconds < 90) {
    const s = Math.max(1, Math.ceil(seconds));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Maps anything a route handler throws to a JSON response `{ error, issues? }`:
 * ZodError and ValidationError → 422 with the field issues, HttpError subclasses → their status
 * and message (429 adds Retry-After), the database being locked or unreachable → 503 with
 * Retry-After, anything else → 500 with a generic message; the real error is logged and never sent.
 */
export function errorResponse(err: unknown, where?: string): Response {
  if (err instanceof z.core.$ZodError) {
    return Response.json(
      { error: "Some fields are not valid", issues: err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) },
      { status: 422 },
    );
  }
  if (err instanceof ValidationError) {
    return Response.json({ error: err.message, issues: err.issues }, { status: 422 });
  }
  if (err instanceof HttpError) {
    const headers: Record<string, string> = {};
    if (err instanceof RateLimitedError) headers["Retry-After"] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
    return Response.json({ error: err.message }, { status: err.status, headers });
  }
  if (isDatabaseUnavailable(err)) {
    console.warn(`[tandem] database unavailable${where ? ` in ${where}` : ""}:`, (err as Error).message);
    return Response.json(
      { error: "The database is busy or unreachable right now. Please try again in a moment." },
      { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  console.error(`[tandem] unexpected error${where ? ` in ${where}` : ""}:`, err);
  return Response.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
}
