/*
 * The route-handler wrapper, free of Next.js: app/_server/with-session.ts binds it to the
 * next-auth session and the app's database, and route handlers use that binding.
 */
import type { z } from "zod";
import type { Db } from "../db/client";
import { hitRateLimit } from "../rate-limit/hit-rate-limit";
import { clientIp } from "./client-ip";
import { isCleanText } from "./control-characters";
import { errorResponse, ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError } from "./errors";
import { parseQuery, parseRequest } from "./parse-request";
import { isSameOriginRequest } from "./same-origin";

/** The signed-in user as route handlers see them. */
export interface SessionUser {
  id: string;
  email: string;
  name?: string | null;
  role: string;
}

export type RouteParams = Record<string, string>;
/** The second argument Next.js passes to a route handler. */
export interface RouteContext {
  params: Promise<RouteParams>;
}
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type Schema = z.ZodType | undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

const MAX_PARAM_LENGTH = 200;

/** A fixed-window limit on a route, counted in the database for every process. */
export interface RouteRateLimit {
  /** Names the limit in its key, e.g. "jobs:create". */
  name: string;
  limit: number;
  windowMs: number;
  /** Whose requests count together: the signed-in user's (default with a session) or the address's. */
  by?: "user" | "ip";
  /** What the 429 says; default "Too many requests. Try again in …". */
  message?: (retryAfterSeconds: number) => string;
}

export interface RouteOptions<Q extends Schema, B extends Schema> {
  /** Validates the URL's query (422 with field issues when invalid). */
  query?: Q;
  /** Validates the JSON body (400 when not JSON, 413 when too large, 422 when invalid). */
  body?: B;
  rateLimit?: RouteRateLimit;
}

export interface SessionRouteOptions<Q extends Schema, B extends Schema> extends RouteOptions<Q, B> {
  /** Admin-only route: other users get 403. */
  admin?: boolean;
}

export interface HandlerArgs<Q extends Schema, B extends Schema> {
  request: Request;
  user: SessionUser;
  query: Parsed<Q>;
  body: Parsed<B>;
  params: RouteParams;
}

export type PublicHandlerArgs<Q extends Schema, B extends Schema> = Omit<HandlerArgs<Q, B>, "user">;

export interface RouteWrapperDeps {
  /** The signed-in user of the request being handled, or null. */
  currentUser(request: Request): Promise<SessionUser | null>;
  /** The database the rate limits are counted in (only asked for when a route has one). */
  db(): Db;
  now?(): Date;
}

/**
 * Builds `withSession` and `withoutSession` on a way to read the session.
 *
 * Both return a Next.js route handler that, in order: refuses a cross-site state-changing
 * request (403), [withSession: answers 401 JSON `{ error: "Sign in to continue" }` without a
 * session, 403 for non-admins on an admin route], counts the rate limit (429 with Retry-After),
 * validates query and JSON body, then calls the handler with `{ request, user, query, body,
 * params }`. Anything thrown goes through errorResponse.
 */
export function createRouteWrappers(deps: RouteWrapperDeps) {
  const now = () => deps.now?.() ?? new Date();

  async function enforceRateLimit(request: Request, limit: RouteRateLimit | undefined, user: SessionUser | null) {
    if (!limit) return;
    const by = limit.by ?? (user ? "user" : "ip");
    const who = by === "user" && user ? `user:${user.id}` : `ip:${clientIp(request.headers)}`;
    const state = await hitRateLimit(deps.db(), { key: `route:${limit.name}:${who}`, limit: limit.limit, windowMs: limit.windowMs }, now());
    if (!state.allowed) throw new RateLimitedError(state.retryAfterSeconds, limit.message?.(state.retryAfterSeconds));
  }

  async function parseInputs<Q extends Schema, B extends Schema>(request: Request, context: RouteContext | undefined, options: RouteOptions<Q, B>) {
    const params = (await context?.params) ?? {};
    // No id of ours is that long or has control characters or broken Unicode: such a URL names
    // nothing (and a NUL would make PostgreSQL fail).
    if (Object.values(params).some((p) => typeof p === "string" && (p.length > MAX_PARAM_LENGTH || !isCleanText(p)))) throw new NotFoundError();
    const query = (options.query ? parseQuery(request, options.query) : undefined) as Parsed<Q>;
    const body = (options.body ? await parseRequest(request, options.body) : undefined) as Parsed<B>;
    return { query, body, params };
  }

  const where = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;

  /** A route for signed-in users. */
  function withSession<Q extends Schema = undefined, B extends Schema = undefined>(
    handler: (args: HandlerArgs<Q, B>) => Promise<Response> | Response,
    options: SessionRouteOptions<Q, B> = {},
  ): RouteHandler {
    return async (request, context) => {
      try {
        if (!isSameOriginRequest(request)) throw new ForbiddenError("Cross-site requests are not allowed.");
        const user = await deps.currentUser(request);
        if (!user) throw new UnauthorizedError();
        if (options.admin && user.role !== "admin") throw new ForbiddenError("Only administrators can do that.");
        await enforceRateLimit(request, options.rateLimit, user);
        return await handler({ request, user, ...(await parseInputs(request, context, options)) });
      } catch (err) {
        return errorResponse(err, where(request));
      }
    };
  }

  /** A route open without a session (registration): the same checks minus the session. */
  function withoutSession<Q extends Schema = undefined, B extends Schema = undefined>(
    handler: (args: PublicHandlerArgs<Q, B>) => Promise<Response> | Response,
    options: RouteOptions<Q, B> = {},
  ): RouteHandler {
    return async (request, context) => {
      try {
        if (!isSameOriginRequest(request)) throw new ForbiddenError("Cross-site requests are not allowed.");
        await enforceRateLimit(request, options.rateLimit && { ...options.rateLimit, by: "ip" }, null);
        return await handler({ request, ...(await parseInputs(request, context, options)) });
      } catch (err) {
        return errorResponse(err, where(request));
      }
    };
  }

  return { withSession, withoutSession };
}
