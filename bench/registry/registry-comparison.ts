import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Chart, Comparison, ComparisonResult, Table } from "../comparison";
import { barChart, type Bar } from "../report/bar-chart";
import { runChild } from "../support/child-process";
import { amount, count, ms, ratio } from "../support/format";
import { summarize, type LatencySummary } from "../support/latency";
import { createBenchDatabase } from "../support/postgres";
import type { QueueSystem } from "./queue-under-test";
import type { SystemRunInput, SystemRunResult } from "./system-run";
import { QUEUE_SYSTEMS } from "./systems";

const CONCURRENCY = 10;
const FULL = { jobs: 10_000, rounds: 7, settleMs: 3_000, samples: { max: 200, min: 30, budgetMs: 45_000 }, timeoutMs: 15 * 60_000 };
const SMOKE = { jobs: 200, rounds: 1, settleMs: 100, samples: { max: 2, min: 1, budgetMs: 300 }, timeoutMs: 90_000 };
/** Pick-up p50 may be at most this multiple of graphile-worker's. */
const PICKUP_TARGET = 1.2;

interface Measured {
  system: QueueSystem;
  /** The median round's jobs/s. */
  processed: number;
  /** Each round's jobs/s, in the order they ran. */
  rounds: number[];
  bulkEnqueue: number;
  cpuMsPerJob: number;
  dbCpuMsPerJob: number | null;
  transactionsPerJob: number | null;
  startLag: (LatencySummary & { max: number }) | null;
  sameProcess: LatencySummary;
  otherProcess: LatencySummary;
}

export const registryComparison: Comparison = {
  name: "registry",
  title: "Job registry: throughput and pick-up latency",
  usesPostgres: true,
  method: [
    `No-op jobs, concurrency ${CONCURRENCY}, ${count(FULL.jobs)} jobs. Each system runs alone, in a process of its own, on a fresh database`,
    "(PostgreSQL: a new database on the same server; SQLite: a new file on the same disk), configured for throughput as its documentation recommends.",
    `The workers start first, on the empty queue, and idle for ${FULL.settleMs / 1000} s, so that one-time start-up work is not in the figures`,
    "(module loading and JIT compilation; Tandem's Prisma client compiles its WebAssembly query compiler on background threads after first use).",
    `**Bulk enqueue**: the ${count(FULL.jobs)} jobs in one call of the system's bulk API (one transaction in each system).`,
    "**Processed**: from the first handler start until the database records every job finished.",
    `Enqueue and processing run in ${FULL.rounds} rounds, the systems taking turns (each round on a fresh database), so that a slower`,
    "spell of the machine does not fall on one system alone: the table gives the median round (its CPU and transaction figures are that",
    "round's) and each round's jobs/s; bulk enqueue is the median of the rounds.",
    "**Pick-up** (first round): with the workers idle, single jobs enqueued one at a time",
    `(up to ${FULL.samples.max} samples, at least ${FULL.samples.min}, ~${FULL.samples.budgetMs / 1000} s per mode),`,
    "time from just before the enqueue call to the handler's first line; *same process*: enqueued by the worker's process (as a web process that also runs workers),",
    "*other process*: enqueued by a second process (a web-only process). Samples are spaced randomly over a polling system's interval.",
    "**Worker CPU per job**: CPU time of the worker's process from the first handler start to the last job recorded (the window of " +
      "the jobs/s; the worker's start is not in it), divided by the jobs;",
    "**PostgreSQL CPU per job**: the same for the server's processes on this machine (from /proc; the connections stay open throughout).",
    "**DB write transactions per job**: transaction ids the server handed out over the processing (`pg_current_xact_id()` before and after; each transaction that writes takes one), per job.",
    "**Recorded start → handler**: Tandem records a job `running` when its claim is sent and may claim very short jobs ahead of its free slots;",
    "for each processed job, the time from that record (`started_at`) to its handler's first line.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const sizes = options.smoke ? SMOKE : FULL;
    const skipped = options.postgresUrl ? [] : QUEUE_SYSTEMS.filter((s) => s.database === "postgres");
    const systems = QUEUE_SYSTEMS.filter((s) => !skipped.includes(s));
    const runs = new Map<QueueSystem, SystemRunResult[]>(systems.map((s) => [s, []]));
    for (let round = 0; round < sizes.rounds; round++) {
      for (const system of systems) {
        options.log(`registry: ${system.name} on ${databaseLabel(system)}, round ${round + 1} of ${sizes.rounds}…`);
        const input = { systemId: system.id, jobs: sizes.jobs, concurrency: CONCURRENCY, settleMs: sizes.settleMs, samples: round === 0 ? sizes.samples : null };
        runs.get(system)!.push(await runSystem(system, input, options.postgresUrl, sizes.timeoutMs));
      }
    }
    const measured = systems.map((system) => measure(system, runs.get(system)!, sizes.jobs));

    const tables: Table[] = [];
    const notes = [
      "Configurations:\n" + measured.map((m) => `- **${m.system.name}** (${databaseLabel(m.system)}): ${m.system.configuration}`).join("\n"),
    ];
    for (const database of ["postgres", "sqlite"] as const) {
      const rows = measured.filter((m) => m.system.database === database);
      if (rows.length === 0) continue;
      const [tandem, ...peers] = rows;
      const label = databaseLabel(tandem!.system);
      tables.push(figuresTable(`${label}: ${count(sizes.jobs)} no-op jobs, concurrency ${CONCURRENCY}`, rows));
      tables.push(targetsTable(`${label}: targets (Tandem / peer)`, tandem!, peers, notes));
    }
    const lagged = measured.filter((m) => m.startLag);
    if (lagged.length > 0) tables.push(startLagTable(lagged));
    if (skipped.length > 0) notes.push(`PostgreSQL systems skipped (${skipped.map((s) => s.name).join(", ")}): set BENCH_DATABASE_URL or TEST_DATABASE_URL.`);
    return { tables, charts: charts(measured), notes };
  },
};

/** A system's rounds → its figures: the median round's, each round's jobs/s, the first round's pick-ups. */
function measure(system: QueueSystem, results: SystemRunResult[], jobs: number): Measured {
  const perSecond = (ms: number) => jobs / (ms / 1000);
  const byTime = results.toSorted((a, b) => a.processMs - b.processMs);
  const median = byTime[Math.floor(byTime.length / 2)]!;
  const enqueueMs = results.map((r) => r.bulkEnqueueMs).toSorted((a, b) => a - b)[Math.floor(results.length / 2)]!;
  const { sameProcess, otherProcess } = results[0]!;
  const lags = median.startLagMs;
  return {
    system,
    processed: perSecond(median.processMs),
    rounds: results.map((r) => perSecond(r.processMs)),
    bulkEnqueue: perSecond(enqueueMs),
    cpuMsPerJob: median.cpuMsPerJob,
    dbCpuMsPerJob: median.dbCpuMsPerJob,
    transactionsPerJob: median.transactionsPerJob,
    startLag: lags && lags.length > 0 ? { ...summarize(lags), max: Math.max(...lags) } : null,
    sameProcess: summarize(sameProcess),
    otherProcess: summarize(otherProcess),
  };
}

async function runSystem(system: QueueSystem, input: Omit<SystemRunInput, "target">, postgresUrl: string | null, timeoutMs: number) {
  const file = new URL("./system-run.ts", import.meta.url).pathname;
  if (system.database === "postgres") {
    const database = await createBenchDatabase(postgresUrl!, system.id);
    try {
      return await runChild<SystemRunResult>(file, { ...input, target: database.url }, { timeoutMs });
    } finally {
      await database.drop();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tandem-bench-${system.id}-`));
  try {
    return await runChild<SystemRunResult>(file, { ...input, target: path.join(dir, "queue.db") }, { timeoutMs });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const databaseLabel = (s: QueueSystem) => (s.database === "postgres" ? "PostgreSQL" : "SQLite");
const pickup = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)}`;

function figuresTable(title: string, rows: Measured[]): Table {
  const [tandem, ...peers] = rows;
  const postgres = tandem!.system.database === "postgres";
  return {
    title,
    columns: [
      "System",
      "Processed jobs/s",
      "Each round",
      "Bulk enqueue jobs/s",
      "Pick-up p50 / p95, same process",
      "Pick-up p50 / p95, other process",
      "Worker CPU per job",
      ...(postgres ? ["PostgreSQL CPU per job", "DB write transactions per job"] : []),
      "Samples",
    ],
    rows: [
      ...rows.map((m) => [
        m.system.name,
        count(m.processed),
        m.rounds.map(count).join(" · "),
        count(m.bulkEnqueue),
        pickup(m.sameProcess),
        pickup(m.otherProcess),
        ms(m.cpuMsPerJob),
        ...(postgres ? [m.dbCpuMsPerJob === null ? "–" : ms(m.dbCpuMsPerJob), amount(m.transactionsPerJob!)] : []),
        `${m.sameProcess.n} + ${m.otherProcess.n}`,
      ]),
      ...peers.map((p) => [
        `Tandem / ${p.system.name}`,
        ratio(tandem!.processed, p.processed),
        tandem!.rounds.map((r, i) => ratio(r, p.rounds[i]!)).join(" · "),
        ratio(tandem!.bulkEnqueue, p.bulkEnqueue),
        `${ratio(tandem!.sameProcess.p50, p.sameProcess.p50)} / ${ratio(tandem!.sameProcess.p95, p.sameProcess.p95)}`,
        `${ratio(tandem!.otherProcess.p50, p.otherProcess.p50)} / ${ratio(tandem!.otherProcess.p95, p.otherProcess.p95)}`,
        ratio(tandem!.cpuMsPerJob, p.cpuMsPerJob),
        ...(postgres ? [optionalRatio(tandem!.dbCpuMsPerJob, p.dbCpuMsPerJob), ratio(tandem!.transactionsPerJob!, p.transactionsPerJob!)] : []),
        "",
      ]),
    ],
  };
}

const optionalRatio = (a: number | null, b: number | null) => (a === null || b === null ? "–" : ratio(a, b));

function startLagTable(rows: Measured[]): Table {
  return {
    title: "Tandem: recorded start → handler, per processed job",
    columns: ["Database", "Jobs", "p50", "p95", "p99", "max"],
    rows: rows.map((m) => [databaseLabel(m.system), count(m.startLag!.n), ms(m.startLag!.p50), ms(m.startLag!.p95), ms(m.startLag!.p99), ms(m.startLag!.max)]),
  };
}

/** The targets: throughput at least the best peer's; pick-up p50 within 1.2× graphile-worker's. */
function targetsTable(title: string, tandem: Measured, peers: Measured[], notes: string[]): Table {
  const rows: string[][] = [];
  const verdict = (met: boolean) => (met ? "met" : "**missed**");
  if (peers.length > 0) {
    const best = peers.reduce((a, b) => (b.processed > a.processed ? b : a));
    const met = tandem.processed >= best.processed;
    rows.push([`Processed jobs/s ≥ best peer's (${best.system.name})`, count(tandem.processed), count(best.processed), ratio(tandem.processed, best.processed), verdict(met)]);
    if (!met) notes.push(throughputMiss(tandem, best));
  }
  const graphile = peers.find((p) => p.system.id === "graphile-worker");
  if (graphile) {
    for (const mode of ["sameProcess", "otherProcess"] as const) {
      const met = tandem[mode].p50 <= PICKUP_TARGET * graphile[mode].p50;
      const where = mode === "sameProcess" ? "same process" : "other process";
      const [t, g] = [tandem[mode].p50, graphile[mode].p50];
      rows.push([`Pick-up p50 ≤ ${PICKUP_TARGET}× graphile-worker's, ${where}`, ms(t), ms(g), ratio(t, g), verdict(met)]);
      if (!met) notes.push(PICKUP_MISS[mode]);
    }
  }
  return { title, columns: ["Target", "Tandem", "Reference", "Ratio", "Verdict"], rows };
}

/*
 * Why Tandem misses a target: what profiling the worker showed (CPU profile via
 * BENCH_CPU_PROFILE_DIR, per-operation timings, EXPLAIN ANALYZE, probes; each names its machine).
 * Shown only while the target is missed; update them when lib/jobs changes.
 */
function throughputMiss(tandem: Measured, best: Measured): string {
  const cores = os.cpus().length;
  const perJob =
    "Per job, Tandem's database records what the task center shows: the claim marks the job `running`, the success marks it " +
    "`succeeded` — two updates of the job row (its creation, start and success are read from the row, not stored as events).";
  if (tandem.system.database === "postgres") {
    const cpu = tandem.cpuMsPerJob + (tandem.dbCpuMsPerJob ?? 0);
    return (
      `**Why Tandem misses the throughput target on PostgreSQL.** In this run Tandem used ${ms(tandem.cpuMsPerJob)} of worker CPU ` +
      `and ${tandem.dbCpuMsPerJob === null ? "an unmeasured amount" : ms(tandem.dbCpuMsPerJob)} of PostgreSQL CPU per job; ` +
      `${best.system.name} ${ms(best.cpuMsPerJob)} and ${best.dbCpuMsPerJob === null ? "an unmeasured amount" : ms(best.dbCpuMsPerJob)}. ` +
      `With worker and server on this machine's ${cores} cores, that CPU alone bounds Tandem at about ${count((cores * 1000) / cpu)} ` +
      `jobs/s. ${perJob} graphile-worker locks a job when it fetches it and deletes it when it is done. Each of Tandem's updates ` +
      "changes the job's status, which indexes of the `jobs` table hold, so PostgreSQL adds an entry for the new row version to every " +
      "index it belongs to (no HOT update). The bench's jobs have no owner, as jobs enqueued by code: the primary key and everyone's " +
      "list by status take an entry on both updates, the finished-at index on the success; the owner's two indexes, the claim order, " +
      "batch and idempotency-key indexes are partial and do not hold them (a job with an owner is in the owner's two as well). " +
      "PostgreSQL CPU per job by statement (a probe: 20,000 queued no-op jobs claimed, then completed, 500 at a time on one " +
      "connection, CPU of the server's processes from /proc; 3 runs on a 2-core AMD EPYC machine, 2026-12-01): Tandem's claims " +
      "13.0–18.5 µs and completions 14.5–18.5 µs; graphile-worker's claims (its `get_jobs` statement for 500) 19.5–27.0 µs and " +
      "completions (a delete) 2.0–3.0 µs. The indexes serve the task center: its lists by status, for the owner and for admins, and " +
      "the summary's jobs finished today. Claims are large — very short jobs are claimed ahead of the free slots — so commits are " +
      `few: ${amount(tandem.transactionsPerJob!)} write transactions per job.`
    );
  }
  return (
    `**Why Tandem misses the throughput target on SQLite.** SQLite runs inside the worker's process: in this run Tandem used ` +
    `${ms(tandem.cpuMsPerJob)} of CPU per job, ${best.system.name} ${ms(best.cpuMsPerJob)}. ${perJob} Each update changes the job's ` +
    "status, and SQLite rewrites the job's entries in the indexes that hold it (up to four of the `jobs` table's eight, for the " +
    "task center's lists, the finished-at counts and the claim order); plainjob's table has one index. Claims are large — very short jobs " +
    "are claimed ahead of the free slots — and the write-ahead log is checkpointed on a thread of its own. A CPU profile of the " +
    "worker's process (30,000 no-op jobs, their bulk enqueue included; 2026-11-30, on the machine of an earlier run) found 70 % of its time in SQLite's statements " +
    "and commits."
  );
}

const PICKUP_MISS: Record<"sameProcess" | "otherProcess", string> = {
  sameProcess:
    "**Why Tandem misses the pick-up target in the same process.** Enqueue → start is two statements, as graphile-worker's (`add_job`, " +
    "then `get_jobs`): the enqueue (the job and `pg_notify` in one statement, which wakes the worker in this process as soon as it " +
    "returns) and the claim. They write more than graphile-worker's: the job's entries in the `jobs` table's indexes (the task " +
    "center's lists), and each waits for the WAL flush at commit.",
  otherProcess:
    "**Why Tandem misses the pick-up target from another process.** The notification is part of the enqueue statement and wakes the " +
    "worker through LISTEN/NOTIFY when it commits; the claim then costs what it does in the same process (above).",
};

function charts(measured: Measured[]): Chart[] {
  const name = (m: Measured) => `${m.system.name} (${databaseLabel(m.system)})`;
  const throughput: Bar[] = measured.flatMap((m) => [
    { label: name(m), series: "processed", value: m.processed },
    { label: name(m), series: "bulk enqueue", value: m.bulkEnqueue },
  ]);
  const pickups: Bar[] = measured.flatMap((m) => [
    { label: name(m), series: "p50, same process", value: m.sameProcess.p50 },
    { label: name(m), series: "p95, same process", value: m.sameProcess.p95 },
    { label: name(m), series: "p50, other process", value: m.otherProcess.p50 },
    { label: name(m), series: "p95, other process", value: m.otherProcess.p95 },
  ]);
  return [
    {
      file: "registry-throughput.svg",
      title: "Jobs per second",
      spec: barChart({ title: "Jobs per second (higher is better)", axis: "jobs/s (log scale)", bars: throughput, log: true }),
    },
    {
      file: "registry-pickup.svg",
      title: "Pick-up latency",
      spec: barChart({ title: "Pick-up latency, enqueue → handler start (lower is better)", axis: "ms (log scale)", bars: pickups, log: true }),
    },
  ];
}
