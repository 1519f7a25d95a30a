import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Comparison, ComparisonResult } from "../comparison";
import { writeSyntheticOhlcv } from "../import/synthetic-ohlcv";
import { barChart } from "../report/bar-chart";
import { startApp } from "../support/app-server";
import { sampleCpu } from "../support/cpu-sampler";
import { count, ms, percent } from "../support/format";
import { registerAndSignIn, type HttpSession } from "../support/http-session";
import { sleep, summarize } from "../support/latency";
import { measureSlotTime } from "./slot-time";

/** 500 symbols (the analysis form's largest batch), each with 2,520 daily bars (ten years of trading days). */
const FULL = { symbols: 500, bars: 2_520 };
const SMOKE = { symbols: 5, bars: 300 };
const DEPTH = 1;
/** `npm start`'s defaults: JOBS_CONCURRENCY 3, a pool of max(cores, 3) threads. */
const CONCURRENCY = 3;
const FIRST_DAY = "2010-01-04";
/** The task center's rhythm while jobs run. */
const POLL_MS = 1_000;
const CPU_SAMPLE_MS = 500;
const BUSY_THRESHOLD = 0.85;
const BUSY_TARGET = 0.85;
const TIMEOUT_MS = 60 * 60_000;
/** The analyses' default benchmark, a sample dataset imported at start. */
const BENCHMARK = "SPX";

type BatchCounts = { id: string; total: number; counts: Record<"queued" | "running" | "succeeded" | "failed" | "cancelled", number> };

export const marketScreenComparison: Comparison = {
  name: "market-screen",
  title: `Market screen: ${FULL.symbols} analyses at depth ${DEPTH} through the HTTP API`,
  method: [
    `The production build (\`scripts/start.ts\`, \`next start\` with its defaults: ${CONCURRENCY} worker slots, a pool of max(cores, 3)`,
    `threads under SCHED_IDLE) on its own SQLite file. A user signs in through the API and uploads a generated ${FULL.symbols}-symbol CSV`,
    `(${count(FULL.bars)} daily bars each, from ${FIRST_DAY}) through \`POST /api/datasets\`; once its import job has published it,`,
    `one \`POST /api/analyses\` submits all ${FULL.symbols} symbols at depth ${DEPTH} with all three analysts (SPX, the sample, as the`,
    `benchmark), and the client polls the batch every ${POLL_MS / 1000} s as the task center does. **Submit**: that request's latency.`,
    "**Total**: from sending it to the last job's end (`finished_at`).",
    `**CPU**: the machine's per-core counters (/proc/stat) sampled every ${CPU_SAMPLE_MS} ms over the total time; a core is busy for`,
    `the time it spends in anything but idle and iowait. *Both cores busy* is the share of the ${CPU_SAMPLE_MS} ms intervals in`,
    `which every core was busy at least ${percent(BUSY_THRESHOLD)} of the interval (target ≥ ${percent(BUSY_TARGET)}); *mean* is busy time over`,
    "all cores' time. Both count every process on the machine; **server CPU** is the server's own processes' CPU time over",
    "cores × total, split by thread: the main (event-loop) thread, the pool threads (below normal priority) and the rest.",
    `**Registry's share**: of the worker slots' time (${CONCURRENCY} slots × the first claim to the last job's end), the share not`,
    "spent in a handler, from the job rows and events: a handler runs from its job's first progress event (\"Load data\", its first",
    "act) to its last (the pool task's \"Done\"); the rest of a job's claim → end is the registry's (reading the claimed rows back,",
    "waiting for its progress writes, completing), and slot time outside any job is idle (waiting for the worker loop's next",
    "claim, and the tail when fewer jobs than slots are left).",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const sizes = options.smoke ? SMOKE : FULL;
    const tag = crypto.randomBytes(3).toString("hex");
    const app = await startApp({ env: { JOBS_CONCURRENCY: String(CONCURRENCY) }, log: options.log });
    const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-screen-"));
    try {
      const user = await registerAndSignIn(app.baseUrl, `bench-screen-${tag}@example.com`);
      const csv = path.join(csvDir, `screen-${sizes.symbols}.csv`);
      const csvBytes = await writeSyntheticOhlcv(csv, sizes.symbols * sizes.bars, { daysPerSymbol: sizes.bars, firstDay: FIRST_DAY });
      const symbols = Array.from({ length: sizes.symbols }, (_, i) => `S${String(i).padStart(3, "0")}`);
      const importS = await uploadAndImport(user, csv);
      options.log(`uploaded and imported ${count(sizes.symbols * sizes.bars)} bars (${(csvBytes / 2 ** 20).toFixed(1)} MB) in ${importS.toFixed(1)} s`);
      const benchmarkBars = await waitForSymbols(user, symbols, BENCHMARK);

      const cpu = sampleCpu({ intervalMs: CPU_SAMPLE_MS });
      const threadsBefore = app.threadCpuMs();
      const submittedAt = Date.now();
      const submit = await user.timed("/api/analyses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ symbols, depth: DEPTH, title: `Market screen ${tag}` }),
      });
      if (submit.res.status !== 202) throw new Error(`POST /api/analyses: HTTP ${submit.res.status} ${submit.body}`);
      const { batchId, jobIds } = JSON.parse(submit.body) as { batchId: string; jobIds: string[] };
      if (jobIds.length !== sizes.symbols) throw new Error(`POST /api/analyses recorded ${jobIds.length} jobs for ${sizes.symbols} symbols`);
      options.log(`submitted ${jobIds.length} analyses in ${ms(submit.ms)}; waiting for them…`);
      const final = await waitForBatch(user, batchId, options.log);
      const threadsAfter = app.threadCpuMs();
      const polledAt = Date.now();
      const samples = cpu.stop();

      const slots = measureSlotTime(app.dbFile, batchId, CONCURRENCY);
      const totalMs = slots.lastFinishedAt - submittedAt;
      const usage = samples.usage(submittedAt, slots.lastFinishedAt, BUSY_THRESHOLD);
      const allSucceeded = final.counts.succeeded === sizes.symbols;
      // The server's CPU is read when the poll saw the batch end (up to POLL_MS after it).
      const coreMs = (polledAt - submittedAt) * os.cpus().length;
      const server = {
        total: threadsAfter.total - threadsBefore.total,
        main: threadsAfter.main - threadsBefore.main,
        pool: threadsAfter.lowPriority - threadsBefore.lowPriority,
        other: threadsAfter.other - threadsBefore.other,
      };
      const handler = summarize(slots.handlerMs);
      const registry = summarize(slots.registryMs);
      const busyMet = usage ? usage.allCoresBusyShare >= BUSY_TARGET : false;

      const notes: string[] = [];
      if (!allSucceeded) notes.push(`**Not every analysis succeeded**: ${JSON.stringify(final.counts)}.`);
      notes.push(whereTheTimeGoes({ analyses: sizes.symbols, bars: sizes.bars, benchmarkBars, server, coreMs, slots }));
      if (usage && !busyMet) notes.push(busyMiss({ usage, server, coreMs, slots }));

      return {
        tables: [
          {
            title: `${count(sizes.symbols)} analyses at depth ${DEPTH}, one request`,
            columns: ["Figure", "Measured"],
            rows: [
              ["Data: uploaded CSV, imported through the import job", `${count(sizes.symbols)} symbols × ${count(sizes.bars)} bars, ${(csvBytes / 2 ** 20).toFixed(1)} MB, ${importS.toFixed(1)} s`],
              ["Submit: `POST /api/analyses` latency", ms(submit.ms)],
              ["Total: submit → last job's end", `${(totalMs / 1000).toFixed(1)} s (${(sizes.symbols / (totalMs / 1000)).toFixed(2)} analyses/s)`],
              ["Outcome", allSucceeded ? `all ${count(sizes.symbols)} succeeded` : `**${final.counts.succeeded} succeeded, ${final.counts.failed} failed, ${final.counts.cancelled} cancelled**`],
              ["Handler time per analysis, p50 / p95 (3 share 2 cores)", `${ms(handler.p50)} / ${ms(handler.p95)}`],
              ["Registry time per analysis (claim → end outside the handler), p50 / p95", `${ms(registry.p50)} / ${ms(registry.p95)}`],
            ],
          },
          {
            title: "Where the time went",
            columns: ["Figure", "Measured", "Target", "Verdict"],
            rows: [
              [
                `Both cores ≥ ${percent(BUSY_THRESHOLD)} busy (machine, ${CPU_SAMPLE_MS} ms intervals)`,
                usage ? `${percent(usage.allCoresBusyShare)} of ${usage.intervals} intervals` : "– (no /proc/stat)",
                `≥ ${percent(BUSY_TARGET)} of the time`,
                usage ? (busyMet ? "met" : "**missed**") : "–",
              ],
              ["Mean CPU busy (machine, all cores)", usage ? percent(usage.meanBusy) : "–", "–", "–"],
              ["Server CPU / (cores × submit → the poll that saw the end)", percent(server.total / coreMs), "–", "–"],
              ["… main thread (HTTP, registry, reading bars)", percent(server.main / coreMs), "–", "–"],
              ["… pool threads (the analyses)", percent(server.pool / coreMs), "–", "–"],
              ["… other threads (GC, compiler, libuv)", percent(server.other / coreMs), "–", "–"],
              [`Worker slots' time in handlers (${CONCURRENCY} slots × ${(slots.windowMs / 1000).toFixed(1)} s)`, percent(slots.handlers), "–", "–"],
              ["Registry's share: slot time from claim to the handler's first step", percent(slots.registryBeforeHandlers), "–", "–"],
              ["Slot time idle between jobs", percent(slots.idleSlots), "–", "–"],
            ],
          },
        ],
        charts: [
          {
            file: "market-screen.svg",
            title: "Market screen: where the time went",
            spec: barChart({
              title: `${count(sizes.symbols)} analyses at depth ${DEPTH}: shares of the run (%)`,
              axis: "%",
              target: { value: BUSY_TARGET * 100, label: `target: both cores busy ≥ ${BUSY_TARGET * 100} % of the time` },
              bars: [
                ...(usage
                  ? [
                      { label: "machine CPU", series: "both cores busy", value: usage.allCoresBusyShare * 100 },
                      { label: "machine CPU", series: "mean busy", value: usage.meanBusy * 100 },
                    ]
                  : []),
                { label: "server CPU", series: "main thread", value: (server.main / coreMs) * 100 },
                { label: "server CPU", series: "pool threads", value: (server.pool / coreMs) * 100 },
                { label: "server CPU", series: "other threads", value: (server.other / coreMs) * 100 },
                { label: "worker slots", series: "handlers", value: slots.handlers * 100 },
                { label: "worker slots", series: "registry before handler", value: slots.registryBeforeHandlers * 100 },
                { label: "worker slots", series: "idle", value: slots.idleSlots * 100 },
              ],
            }),
          },
        ],
        notes,
      };
    } finally {
      await app.stop();
      fs.rmSync(csvDir, { recursive: true, force: true });
    }
  },
};

/** Uploads the CSV as the datasets page does and waits for its import job; returns the seconds it took. */
async function uploadAndImport(user: HttpSession, file: string): Promise<number> {
  const started = Date.now();
  const form = new FormData();
  form.set("file", await fs.openAsBlob(file, { type: "text/csv" }), path.basename(file));
  const res = await user.request("/api/datasets", { method: "POST", body: form });
  if (res.status !== 202) throw new Error(`POST /api/datasets: HTTP ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await sleep(250)) {
    const job = (await (await user.request(`/api/jobs/${jobId}`)).json()) as { status: string; errorMessage?: string | null };
    if (job.status === "succeeded") return (Date.now() - started) / 1000;
    if (job.status === "failed" || job.status === "cancelled") throw new Error(`the import ${job.status}: ${job.errorMessage}`);
  }
  throw new Error("the import did not finish in time");
}

/**
 * Waits until the user can analyse every symbol (the uploaded ones, and the benchmark, a sample
 * imported at start); returns the benchmark's number of bars.
 */
async function waitForSymbols(user: HttpSession, wanted: string[], benchmark: string): Promise<number> {
  for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await sleep(500)) {
    const { symbols } = (await (await user.request("/api/symbols")).json()) as { symbols: { symbol: string; rowCount: number }[] };
    const have = new Map(symbols.map((s) => [s.symbol, s.rowCount]));
    if (have.has(benchmark) && wanted.every((s) => have.has(s))) return have.get(benchmark)!;
  }
  throw new Error("the symbols did not become available in time");
}

/** Polls the batch as the task center does until no job of it is queued or running. */
async function waitForBatch(user: HttpSession, batchId: string, log: (m: string) => void): Promise<BatchCounts> {
  let lastLog = Date.now();
  for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await sleep(POLL_MS)) {
    const res = await user.request(`/api/jobs?${new URLSearchParams({ batch: batchId, limit: "50", counts: "0" })}`);
    if (res.status !== 200) throw new Error(`GET /api/jobs: HTTP ${res.status}`);
    const batch = ((await res.json()) as { batches: BatchCounts[] }).batches.find((b) => b.id === batchId);
    if (!batch) throw new Error(`GET /api/jobs did not report batch ${batchId}`);
    if (batch.counts.queued + batch.counts.running === 0) return batch;
    if (Date.now() - lastLog > 15_000) {
      log(`${batch.counts.succeeded + batch.counts.failed + batch.counts.cancelled} of ${batch.total} done`);
      lastLog = Date.now();
    }
  }
  throw new Error("the analyses did not finish in time");
}

type ServerCpu = { total: number; main: number; pool: number; other: number };
type Slots = { handlers: number; registryBeforeHandlers: number; idleSlots: number };

/** What the main thread and the pool threads cost per analysis, and which of them sets the pace. */
function whereTheTimeGoes(m: { analyses: number; bars: number; benchmarkBars: number; server: ServerCpu; coreMs: number; slots: Slots }): string {
  const cores = os.cpus().length;
  const mainOfOneCore = (m.server.main / m.coreMs) * cores;
  return [
    `**Where the time goes.** Per analysis the server's main thread used ${ms(m.server.main / m.analyses)} of CPU and the pool threads`,
    `${ms(m.server.pool / m.analyses)}. The main thread, besides answering the polls and the registry's claims, progress writes and`,
    `completions, reads each job's bars in the handler's first stage: ${count(m.bars)} of the symbol and ${count(m.benchmarkBars)}`,
    `of the ${BENCHMARK} benchmark, every time, from their stored chunks (4,096 bars a row). It was busy ${percent(mainOfOneCore)} of the time;`,
    mainOfOneCore >= 0.8
      ? "near one full core, it sets the pace: the worker loop runs on it too, so slots wait for their next claim, and the pool's threads cannot fill the second core."
      : "the pool's threads had the rest of the cores.",
    `The worker slots spent ${percent(m.slots.handlers)} of their time in handlers, ${percent(m.slots.registryBeforeHandlers)} from a claim to its handler's`,
    `first step and ${percent(m.slots.idleSlots)} idle between jobs (a slot is free once its handler returns; the completion is recorded after).`,
  ].join(" ");
}

/** Why both cores are not busy enough, from the figures above. */
function busyMiss(m: { usage: { allCoresBusyShare: number; meanBusy: number }; server: ServerCpu; coreMs: number; slots: Slots }): string {
  return [
    `**Why the CPU target is missed.** Both cores were at least ${percent(BUSY_THRESHOLD)} busy in ${percent(m.usage.allCoresBusyShare)} of the`,
    `intervals (machine mean ${percent(m.usage.meanBusy)}); the server used ${percent(m.server.total / m.coreMs)} of the cores' time (main thread`,
    `${percent(m.server.main / m.coreMs)}, pool threads ${percent(m.server.pool / m.coreMs)}). Each slot spends ${percent(m.slots.registryBeforeHandlers + m.slots.idleSlots)} of its time`,
    "outside a handler, and a handler's first stage (reading bars) runs on the main thread, not in the pool: with 3 slots on 2 cores,",
    "a core has nothing of Tandem's to run whenever two slots wait on the main thread at once. The machine's busy time beyond the",
    "server's share was other processes'.",
  ].join(" ");
}
