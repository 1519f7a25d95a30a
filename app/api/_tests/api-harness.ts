/*
 * Calls the app's real route handlers (app/api/**\/route.ts) in-process, on a real, migrated test
 * database, as a given user. Only how the session is read is replaced: the test file mocks
 * `@/app/_server/session` to answer `signedInAs.user` (getServerSession needs a Next.js request
 * scope; the e2e suite covers the real cookie path).
 *
 *   const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
 *   vi.mock("@/app/_server/session", () => ({ sessionUser: async () => signedIn.user }));
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SessionUser } from "@/lib/http/route-wrapper";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing";
import type { JobQueue } from "@/lib/jobs";

export const ORIGIN = "http://localhost:3000";
export const HOSTILE_ORIGIN = "https://evil.example";
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export const STATE_CHANGING: readonly Method[] = ["POST", "PUT", "PATCH", "DELETE"];

const API_DIR = path.resolve(import.meta.dirname, "..");

/** Every route file under app/api, as its URL path below /api: "jobs/[id]/cancel". */
export function routeFiles(dir = API_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") found.push(path.relative(API_DIR, dir).split(path.sep).join("/"));
  }
  return found.sort();
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** The handlers a route file exports, by method. */
export async function routeModule(route: string): Promise<Partial<Record<Method, Handler>>> {
  return (await import(path.join(API_DIR, route, "route.ts"))) as Partial<Record<Method, Handler>>;
}

export function exportedMethods(module: Partial<Record<Method, Handler>>): Method[] {
  return METHODS.filter((m) => typeof module[m] === "function");
}

export interface CallOptions {
  /** Values of the route's [segments]. */
  params?: Record<string, string>;
  query?: string | Record<string, string>;
  /** A JSON value (stringified), or a raw body (string, bytes, FormData). */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Sent as Origin; default the app's own origin for state-changing methods. */
  origin?: string | null;
}

/** One request through the real handler of `route` (a key of routeFiles). */
export async function call(route: string, method: Method, options: CallOptions = {}): Promise<Response> {
  const handler = (await routeModule(route))[method];
  if (!handler) throw new Error(`${route} has no ${method}`);
  const params = options.params ?? {};
  const pathname = route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
  const url = new URL(`/api/${pathname}`, ORIGIN);
  if (options.query !== undefined) url.search = new URLSearchParams(options.query).toString();
  const headers: Record<string, string> = { host: "localhost:3000", "x-forwarded-for": "203.0.113.7", ...options.headers };
  const origin = options.origin === undefined ? (STATE_CHANGING.includes(method) ? ORIGIN : null) : options.origin;
  if (origin !== null) headers.origin = origin;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(url, { method, headers, body: method === "GET" ? undefined : body });
  return handler(request, { params: Promise.resolve(params) });
}

export interface ApiFixture {
  database: TestDatabase;
  queue: JobQueue;
  dataDir: string;
  ann: SessionUser;
  bob: SessionUser;
  admin: SessionUser;
  /** Ids of things Ann owns. */
  owned: { job: string; batch: string; dataset: string; schedule: string; watchlist: string };
  /** A job without owner (as the sample imports are): everyone sees it, only admins change it. */
  sharedJob: string;
}

const globals = globalThis as unknown as Record<string | symbol, unknown>;

/**
 * A migrated test database made the app's database (getDatabase, getQueue), three users (Ann and
 * Bob, users; an admin) and one of each owned thing for Ann, made by the app's own functions.
 */
export async function setUpApi(): Promise<ApiFixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-api-"));
  process.env.TANDEM_DATA_DIR = dataDir;
  process.env.NEXTAUTH_SECRET ??= "test-secret";
  process.env.METRICS_TOKEN = "metrics-token-for-tests";
  const database = await createTestDatabase();
  globals.__tandemDatabase = database;
  const { getQueue } = await import("@/lib/queue/get-queue");
  const queue = getQueue();

  const user = async (role: string): Promise<SessionUser> => {
    const email = `${role}-${crypto.randomBytes(4).toString("hex")}@example.com`;
    const { id } = await database.db.user.create({ data: { email, passwordHash: "x", role } });
    return { id, email, name: null, role };
  };
  const [ann, bob, admin] = [await user("user"), await user("user"), await user("admin")];

  // Ann's dataset, published with two symbols (as its import job would leave it), so she can analyse them.
  const { createDataset } = await import("@/lib/datasets/create-dataset");
  const storedPath = path.join(dataDir, "ann.upload");
  fs.writeFileSync(storedPath, "date,close\n2020-01-02,10\n");
  const { datasetId } = await createDataset(database.db, queue, {
    ownerId: ann.id,
    upload: { storedPath, fileName: "ann.csv", size: 25, sha256: "0".repeat(64) },
  });
  const day = new Date(Date.UTC(2020, 0, 2));
  await database.db.dataset.update({ where: { id: datasetId }, data: { status: "ready", publishedAt: day, rowCount: 2, firstDate: day, lastDate: day } });
  for (const symbol of ["AAPL", "MSFT"]) {
    await database.db.datasetSymbol.create({
      data: { datasetId, symbol, ownerId: ann.id, rowCount: 1, firstDate: day, lastDate: day, hasOhlc: false, publishedAt: day },
    });
  }

  const { submitAnalyses } = await import("@/lib/analysis/submit-analyses");
  const { analysisRequestSchema } = await import("@/lib/analysis/analysis-request");
  const submitted = await submitAnalyses(database.db, queue, ann, analysisRequestSchema.parse({ symbols: ["AAPL", "MSFT"], title: "Ann's batch" }));

  const { saveWatchlist } = await import("@/lib/watchlists/save-watchlist");
  const watchlist = (await saveWatchlist(database.db, ann, { name: "Ann's list", symbols: ["AAPL"] })) as { id: string };
  const { createSchedule } = await import("@/lib/schedules/create-schedule");
  const { scheduleInputSchema } = await import("@/lib/schedules/schedule-input");
  const schedule = (await createSchedule(database.db, queue, ann, scheduleInputSchema.parse(VALID_SCHEDULE))) as { id: string };

  const { jobId: sharedJob } = await queue.enqueue({ kind: "shared-probe", name: "Shared", payload: {}, ownerId: null });

  return {
    database,
    queue,
    dataDir,
    sharedJob,
    ann,
    bob,
    admin,
    owned: { job: submitted.jobIds[0]!, batch: submitted.batchId!, dataset: datasetId, schedule: schedule.id, watchlist: watchlist.id },
  };
}

export async function tearDownApi(fixture: ApiFixture | undefined) {
  if (!fixture) return;
  await fixture.queue.close({ graceMs: 0 });
  delete globals[Symbol.for("tandem.queue")];
  delete globals.__tandemDatabase;
  await fixture.database.drop();
  fs.rmSync(fixture.dataDir, { recursive: true, force: true });
}

/** Forgets every rate-limit count, so a fuzz run's earlier requests do not turn later ones into 429s. */
export async function resetRateLimits(fixture: ApiFixture) {
  await fixture.database.db.rateLimit.deleteMany({});
}

export const VALID_SCHEDULE = { name: "Mornings", symbols: ["AAPL"], cron: "0 9 * * 1-5", timeZone: "UTC" };

/** A body each JSON route accepts, by "METHOD route". */
export const VALID_BODIES: Record<string, unknown> = {
  "POST analyses": { symbols: ["AAPL"] },
  "POST jobs/bulk": { action: "cancel", ids: ["no-such-job"] },
  "POST register": { email: "someone-new@example.com", password: "a long unusual passphrase" },
  "POST schedules": VALID_SCHEDULE,
  "PUT schedules/[id]": VALID_SCHEDULE,
  "POST watchlists": { name: "List", symbols: ["AAPL"] },
};
