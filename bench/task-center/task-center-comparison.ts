import crypto from "node:crypto";
import os from "node:os";
import type { Comparison, ComparisonResult } from "../comparison";
import { createDatabase } from "../../lib/db/client";
import { JobQueue } from "../../lib/jobs";
import { barChart } from "../report/bar-chart";
import { startApp, type AppServer } from "../support/app-server";
import { bytes, count, ms, percent } from "../support/format";
import { registerAndSignIn, type HttpSession } from "../support/http-session";
import { sleep, summarize, type LatencySummary } from "../support/latency";
import { seedJobs, seedUsers } from "./seed-jobs";

const FULL = { jobs: 100_000, otherUsers: 9, polls: 300, adminPolls: 100, idlePolls: 200, controlPolls: 150, spinMs: 20_000 };
const SMOKE = { jobs: 2_000, otherUsers: 2, polls: 20, adminPolls: 10, idlePolls: 10, controlPolls: 10, spinMs: 1_500 };
const OWN_SHARE = 0.1;
const PAGE = 50;
const SPIN_JOBS = 3;
/** The task center polls every second while jobs run; the bench polls faster to collect samples. */
const BUSY_POLL_GAP_MS = 20;
const P99_TARGET_MS = 100;
/** A kind no worker handles. */
const WARM_UP_KIND = "bench.warm-up";

type JobList = { jobs: { id: string; status: string }[] };

interface Polled {
  latencies: number[];
  bodyBytes: number;
  /** Server CPU (all its threads) per request, ms. */
  cpuMs: number;
  notModified: number;
}

export const taskCenterComparison: Comparison = {
  name: "task-center",
  title: "Task center polling: GET /api/jobs",
  method: [
    "The production build (`scripts/start.ts`, `next start` with its 3 worker slots) on its own SQLite file, with",
    `${count(FULL.jobs)} jobs written into it with raw SQL: ${percent(OWN_SHARE)} owned by the signed-in user, the rest by ${FULL.otherUsers} other users`,
    "(90 % succeeded, 5 % failed, 3 % cancelled, 2 % queued, over 90 days). Clients sign in through the API (register, then next-auth's",
    "credentials callback with its CSRF token) and send sequential requests from this process, the ones the task center's list sends",
    "(`?limit=50&today=…`, plus `status=queued,running` on the default *Active* tab); latency is until the whole body is read.",
    "**Server CPU** is the CPU time of the server's processes over the requests, per request.",
    "**Idle polls** send `If-None-Match` with the last ETag while nothing changes.",
    `**Under CPU load**: ${SPIN_JOBS} e2e-only \`test.spin\` jobs (\`{ ms: ${FULL.spinMs} }\`, worker-thread pool, its threads under SCHED_IDLE by default, TANDEM_TEST_JOB_KINDS=1) run while the`,
    `user polls every ${BUSY_POLL_GAP_MS} ms; only polls whose answer shows all ${SPIN_JOBS} running count. The same polling just before the jobs`,
    "are recorded is the control: the difference is what the jobs cost, whatever else the machine is doing. They are the first jobs",
    "the server runs since it started, so its one-time start-up work for them is in the figures (the pool's threads start, and code",
    "paths that run for the first time set Prisma's WebAssembly query compiler compiling on background threads). This process records",
    "them through the registry (as a route handler would) and has recorded and removed a job before, so that its own first-use",
    "compilation is not in the figures.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const sizes = options.smoke ? SMOKE : FULL;
    const tag = crypto.randomBytes(3).toString("hex");
    const adminEmail = `bench-admin-${tag}@example.com`;
    const app = await startApp({ env: { TANDEM_TEST_JOB_KINDS: "1", JOBS_CONCURRENCY: String(SPIN_JOBS), ADMIN_EMAIL: adminEmail }, log: options.log });
    const recorder = await openRecorder(app.dbFile);
    try {
      const others = seedUsers(app.dbFile, sizes.otherUsers);
      const user = await registerAndSignIn(app.baseUrl, `bench-user-${tag}@example.com`);
      const admin = await registerAndSignIn(app.baseUrl, adminEmail);
      const own = Math.round(sizes.jobs * OWN_SHARE);
      const perOther = Math.floor((sizes.jobs - own) / others.length);
      const seeded = seedJobs(app.dbFile, [{ ownerId: user.userId, count: own }, ...others.map((ownerId) => ({ ownerId, count: perOther }))]);
      options.log(`seeded ${count(seeded)} jobs (${count(own)} the user's)`);

      const fullPage = (body: string) => {
        const { jobs } = JSON.parse(body) as JobList;
        if (jobs.length !== PAGE) throw new Error(`GET /api/jobs answered ${jobs.length} jobs, expected a full page of ${PAGE}`);
      };
      await polls(app, user, listPath("all"), 20);
      await polls(app, admin, listPath("all"), 5);
      const active = await polls(app, user, listPath("active"), sizes.polls);
      const all = await polls(app, user, listPath("all"), sizes.polls, { check: fullPage });
      const adminAll = await polls(app, admin, listPath("all"), sizes.adminPolls, { check: fullPage });
      const idle = await polls(app, user, listPath("active"), sizes.idlePolls, { conditional: true });
      const control = await polls(app, user, listPath("active"), sizes.controlPolls, { gapMs: BUSY_POLL_GAP_MS });
      const busy = await pollsDuringSpin(recorder, user, sizes.spinMs);
      options.log(`${busy.all} polls while the spin jobs ran, ${busy.latencies.length} with all ${SPIN_JOBS} running`);

      const scenarios: [string, string, Polled][] = [
        [`User, "Active" tab (the default view) of own ${count(own)} jobs`, "user, Active tab", active],
        [`User, "All" tab: first page (${PAGE}) of own ${count(own)} jobs`, "user, All tab", all],
        [`Admin, "All" tab: first page (${PAGE}) of all ${count(seeded)} jobs`, "admin, All tab", adminAll],
        [`User, "Active" tab, idle poll with If-None-Match`, "idle poll (304)", idle],
        [`User, "Active" tab every ${BUSY_POLL_GAP_MS} ms, just before the CPU jobs (control)`, "control, no CPU jobs", control],
        [`User, "Active" tab every ${BUSY_POLL_GAP_MS} ms, while ${SPIN_JOBS} CPU-heavy \`test.spin\` jobs run`, `${SPIN_JOBS} CPU jobs running`, busy],
      ];
      const summaries = new Map(scenarios.map(([, , p]) => [p, summarize(p.latencies)]));
      const underLoad = summaries.get(busy)!;
      const met = underLoad.p99 < P99_TARGET_MS;
      return {
        tables: [
          {
            title: `GET /api/jobs with ${count(seeded)} jobs in the table`,
            columns: ["Scenario", "Requests", "p50", "p95", "p99", "Server CPU per request", "Body"],
            rows: scenarios.map(([label, , p]) => {
              const s = summaries.get(p)!;
              const cpu = Number.isFinite(p.cpuMs) ? ms(p.cpuMs) : "–";
              return [label, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), cpu, p.notModified === s.n ? "304, empty" : bytes(p.bodyBytes)];
            }),
          },
          {
            title: "Targets",
            columns: ["Figure", "Measured", "Target", "Verdict"],
            rows: [
              ["Idle polls answered 304 Not Modified", `${percent(idle.notModified / idle.latencies.length)} (${idle.notModified} of ${idle.latencies.length})`, "–", "–"],
              [`p99 of GET /api/jobs while ${SPIN_JOBS} CPU-heavy jobs run`, ms(underLoad.p99), `< ${P99_TARGET_MS} ms`, met ? "met" : "**missed**"],
              ["The same, without the CPU jobs (control)", ms(summaries.get(control)!.p99), "–", "–"],
            ],
          },
        ],
        charts: [
          {
            file: "task-center-latency.svg",
            title: "GET /api/jobs latency",
            spec: barChart({
              title: `GET /api/jobs with ${count(seeded)} jobs (lower is better)`,
              axis: "ms",
              target: { value: P99_TARGET_MS, label: `p99 target under CPU load: ${P99_TARGET_MS} ms` },
              bars: scenarios.flatMap(([, short, p]) => {
                const s: LatencySummary = summaries.get(p)!;
                return (["p50", "p95", "p99"] as const).map((q) => ({ label: short, series: q, value: s[q] }));
              }),
            }),
          },
        ],
        notes: met ? [] : [p99Miss({ underLoad, control: summaries.get(control)!, activeCpuMs: active.cpuMs, idleCpuMs: idle.cpuMs })],
      };
    } finally {
      await recorder.store.db.$disconnect();
      await app.stop();
    }
  },
};

/** Why the p99 target under CPU load is missed (from the figures above and a probe of the pool's threads). */
function p99Miss(m: { underLoad: LatencySummary; control: LatencySummary; activeCpuMs: number; idleCpuMs: number }): string {
  return [
    `**Why the p99 target is missed.** A GET /api/jobs costs about ${ms(m.activeCpuMs)} of server CPU, nearly all of it on the one`,
    "event-loop thread (session check, several Prisma queries through its query compiler, the JSON and the SHA-1 ETag of the body), so",
    "its latency is its CPU time and whatever competes for a core stretches it: the control polls, same rhythm without the jobs, had",
    `p99 ${ms(m.control.p99)}; with the ${SPIN_JOBS} \`test.spin\` threads on ${os.cpus().length} cores, p99 ${ms(m.underLoad.p99)}.`,
    "The pool threads run under SCHED_IDLE (`JOBS_POOL_NICE=idle`, the default on Linux), so an event loop that wakes up takes a core",
    "from them at once; at nice 10, as before, each of its many wake-ups per request (socket reads, each query) could wait out a pool",
    "thread's time slice. What is left is the request's own cost and other work of normal priority on the machine (see the load",
    "average above). **Fix to measure (lib/tasks):** make the poll cheaper: answer 304 from a cheap version check (the newest",
    "`updated_at` and a count over the viewer's jobs) before building and hashing the page — a 304 costs",
    `${ms(m.idleCpuMs)} of CPU today, about what a full answer costs.`,
  ].join(" ");
}

/** The list query the task center polls (components/tasks): a page of 50, the start of the day, the tab's statuses. */
function listPath(tab: "active" | "all"): string {
  const startOfDay = new Date();
  startOfDay.setHours(0, 0, 0, 0);
  const query = new URLSearchParams({ limit: String(PAGE), today: startOfDay.toISOString() });
  if (tab === "active") query.set("status", "queued,running");
  return `/api/jobs?${query}`;
}

/**
 * `n` sequential GETs. `conditional` sends the last ETag as the task center does (If-None-Match),
 * `gapMs` waits between requests.
 */
async function polls(
  app: AppServer,
  session: HttpSession,
  path: string,
  n: number,
  { check, conditional = false, gapMs = 0 }: { check?: (body: string) => void; conditional?: boolean; gapMs?: number } = {},
): Promise<Polled> {
  let etag = conditional ? (await session.request(path)).headers.get("etag") : null;
  if (conditional && !etag) throw new Error(`GET ${path} sent no ETag`);
  const latencies: number[] = [];
  let bodyBytes = 0;
  let notModified = 0;
  const cpuBefore = app.cpuMs();
  for (let i = 0; i < n; i++) {
    const { res, body, ms: took } = await session.timed(path, etag ? { headers: { "if-none-match": etag } } : undefined);
    latencies.push(took);
    if (res.status === 304 && etag) notModified++;
    else if (res.status === 200) {
      check?.(body);
      bodyBytes = Buffer.byteLength(body);
      if (conditional) etag = res.headers.get("etag") ?? etag;
    } else throw new Error(`GET ${path}: HTTP ${res.status}`);
    if (gapMs) await sleep(gapMs);
  }
  return { latencies, bodyBytes, cpuMs: (app.cpuMs() - cpuBefore) / n, notModified };
}

/**
 * This process's registry client on the app's file, to record the spin jobs as a route handler
 * would (like the e2e suite). It records a job once now, long before the polls it would otherwise
 * disturb: a process's first enqueue sets its Prisma client compiling (WebAssembly, on background
 * threads) for about 200 ms of CPU, on a machine whose cores the spin jobs keep busy.
 */
async function openRecorder(dbFile: string): Promise<JobQueue> {
  const { db } = createDatabase({ dialect: "sqlite", file: dbFile });
  const queue = new JobQueue({ db, dialect: "sqlite" });
  // A job no worker handles, with no owner (no user sees it), cancelled and removed at once.
  const { jobIds } = await queue.enqueueMany([{ kind: WARM_UP_KIND, name: "bench warm-up", payload: {} }], { batchName: "bench warm-up" });
  for (const id of jobIds) {
    await queue.cancel(id);
    await queue.remove(id);
  }
  return queue;
}

/** Records the spin jobs, then polls until they finish. */
async function pollsDuringSpin(queue: JobQueue, session: HttpSession, spinMs: number): Promise<Polled & { all: number }> {
  const { jobIds } = await queue.enqueueMany(
    Array.from({ length: SPIN_JOBS }, (_, i) => ({ kind: "test.spin", name: `Spin ${i + 1}`, payload: { ms: spinMs }, ownerId: session.userId })),
    { ownerId: session.userId, batchName: "bench spinners" },
  );

  const latencies: number[] = [];
  let all = 0;
  let bodyBytes = 0;
  const deadline = Date.now() + spinMs * 4 + 30_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the ${SPIN_JOBS} test.spin jobs did not finish in time`);
    const { res, body, ms: took } = await session.timed(listPath("active"));
    if (res.status !== 200) throw new Error(`GET /api/jobs during the spin jobs: HTTP ${res.status}`);
    all++;
    const mine = (JSON.parse(body) as JobList).jobs.filter((j) => jobIds.includes(j.id));
    if (mine.filter((j) => j.status === "running").length === SPIN_JOBS) {
      latencies.push(took);
      bodyBytes = Buffer.byteLength(body);
    }
    // Finished jobs leave the Active tab.
    if (mine.length === 0) break;
    await sleep(BUSY_POLL_GAP_MS);
  }
  for (const id of jobIds) {
    const { status } = (await (await session.request(`/api/jobs/${id}`)).json()) as { status: string };
    if (status !== "succeeded") throw new Error(`a test.spin job ended ${status}`);
  }
  if (latencies.length === 0) throw new Error(`no poll saw all ${SPIN_JOBS} test.spin jobs running at once`);
  // The server's CPU now includes the jobs' threads: not a per-request figure.
  return { latencies, bodyBytes, cpuMs: NaN, notModified: 0, all };
}
