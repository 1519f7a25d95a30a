import type { Method } from "./api-harness";

/** Who may call a route. */
export type Access =
  /** Any signed-in user (401 without a session). */
  | "user"
  /** Administrators only (403 for other users). */
  | "admin"
  /** Administrators, or a scraper with the METRICS_TOKEN bearer token. */
  | "admin-or-token"
  /** Open without a session (registration). */
  | "public"
  /** next-auth's own endpoints: they need a Next.js request scope, so only the e2e suite calls them. */
  | "next-auth";

/** What the route's [id] names: another user's id answers 404, as if it did not exist. */
export type Owned = "job" | "dataset" | "schedule" | "watchlist";

export interface RouteSpec {
  access: Access;
  methods: Method[];
  owned?: Owned;
  /** Query needed for a well-formed call. */
  query?: Record<string, string>;
  /** Methods that take a JSON body / a multipart upload. */
  json?: Method[];
  multipart?: Method[];
}

/**
 * Every route under app/api. The access-control test fails when a route file has no entry here,
 * or an entry's methods differ from what the file exports: a new route is checked from day one.
 */
export const API_ROUTES: Record<string, RouteSpec> = {
  analyses: { access: "user", methods: ["POST"], json: ["POST"] },
  "auth/[...nextauth]": { access: "next-auth", methods: ["GET", "POST"] },
  datasets: { access: "user", methods: ["GET", "POST"], multipart: ["POST"] },
  "datasets/[id]": { access: "user", methods: ["GET", "DELETE"], owned: "dataset" },
  "datasets/[id]/bars": { access: "user", methods: ["GET"], owned: "dataset", query: { symbol: "AAPL" } },
  jobs: { access: "user", methods: ["GET"] },
  "jobs/[id]": { access: "user", methods: ["GET", "DELETE"], owned: "job" },
  "jobs/[id]/cancel": { access: "user", methods: ["POST"], owned: "job" },
  "jobs/[id]/retry": { access: "user", methods: ["POST"], owned: "job" },
  "jobs/bulk": { access: "user", methods: ["POST"], json: ["POST"] },
  me: { access: "user", methods: ["GET"] },
  metrics: { access: "admin-or-token", methods: ["GET"] },
  register: { access: "public", methods: ["POST"], json: ["POST"] },
  schedules: { access: "user", methods: ["GET", "POST"], json: ["POST"] },
  "schedules/[id]": { access: "user", methods: ["GET", "PUT", "DELETE"], owned: "schedule", json: ["PUT"] },
  "schedules/[id]/pause": { access: "user", methods: ["POST"], owned: "schedule" },
  "schedules/[id]/resume": { access: "user", methods: ["POST"], owned: "schedule" },
  "schedules/[id]/run": { access: "user", methods: ["POST"], owned: "schedule" },
  symbols: { access: "user", methods: ["GET"] },
  "watchlists/[id]": { access: "user", methods: ["DELETE"], owned: "watchlist" },
  watchlists: { access: "user", methods: ["GET", "POST"], json: ["POST"] },
  workers: { access: "admin", methods: ["GET"] },
};

/** Every (route, method) pair, optionally only those whose route matches. */
export function endpoints(filter: (route: string, spec: RouteSpec) => boolean = () => true): [string, Method, RouteSpec][] {
  return Object.entries(API_ROUTES)
    .filter(([route, spec]) => filter(route, spec))
    .flatMap(([route, spec]) => spec.methods.map((method): [string, Method, RouteSpec] => [route, method, spec]));
}
