/*
 * One system under test, in a process of its own on a fresh database: workers started on the
 * empty queue, bulk enqueue, processing throughput, then pick-up latency of single jobs with the
 * workers idle, enqueued in this process and from another one.
 */
import { once } from "node:events";
import { forkTs, serveChild } from "../support/child-process";
import { epochMs, sleep } from "../support/latency";
import { query } from "../support/postgres";
import { processCpuMs } from "../support/server-cpu";
import type { BenchPayload, QueueSystem, QueueUnderTest } from "./queue-under-test";
import { queueSystem } from "./systems";

/** At most `max` per mode, at least `min`, and no more once `budgetMs` is spent. */
export interface PickupSamples {
  max: number;
  min: number;
  budgetMs: number;
}

export interface SystemRunInput {
  systemId: string;
  /** PostgreSQL URL or SQLite file. */
  target: string;
  jobs: number;
  concurrency: number;
  /**
   * How long the workers idle on the empty queue before the jobs are enqueued: one-time start-up
   * work (JIT compilation; Tandem's Prisma client compiles its WebAssembly query compiler on first
   * use) is then not in the window of the throughput.
   */
  settleMs: number;
  /** Pick-up samples per mode; null: none taken. */
  samples: PickupSamples | null;
}

export interface SystemRunResult {
  bulkEnqueueMs: number;
  /** From the first handler start to the last job recorded as finished. */
  processMs: number;
  /** CPU time of this (the worker's) process over processMs, per job: the worker's start is not in it. */
  cpuMsPerJob: number;
  /** PostgreSQL only: CPU time of the server's processes (on this machine) over processMs, per job. */
  dbCpuMsPerJob: number | null;
  /** PostgreSQL only: transactions the database committed while processing, per job. */
  transactionsPerJob: number | null;
  /** Recorded start → handler, per processed job, where the system records a start. */
  startLagMs: number[] | null;
  sameProcess: number[];
  otherProcess: number[];
}

serveChild<SystemRunInput, SystemRunResult>(async (input) => {
  const definition = queueSystem(input.systemId);
  const system = await definition.open(input.target, "worker");
  try {
    return await measure(definition, system, input);
  } finally {
    await system.close();
  }
});

async function measure(definition: QueueSystem, system: QueueUnderTest, input: SystemRunInput): Promise<SystemRunResult> {
  const { jobs, concurrency } = input;
  const pickups = new PickupWatch();
  let started = 0;
  let firstStart = NaN;
  let cpu: NodeJS.CpuUsage | null = null;
  let dbCpu: number | null = null;
  let allStarted!: () => void;
  const allStartedPromise = new Promise<void>((resolve) => (allStarted = resolve));
  const onStart = (payload: BenchPayload) => {
    if (payload.k !== undefined) return pickups.started(payload);
    if (started++ === 0) {
      // Read before the clock starts: the /proc scan takes a few milliseconds.
      cpu = process.cpuUsage();
      dbCpu = definition.database === "postgres" ? processCpuMs("postgres") : null;
      firstStart = epochMs();
    }
    if (started === jobs) allStarted();
  };
  await system.startWorkers(concurrency, onStart);
  await sleep(input.settleMs);
  const transactionsBefore = await writeTransactions(definition, input.target);
  const enqueueStarted = epochMs();
  await system.enqueueMany(Array.from({ length: jobs }, (_, i) => ({ i })));
  const bulkEnqueueMs = epochMs() - enqueueStarted;
  await allStartedPromise;
  while ((await system.unfinished()) > 0) await sleep(5);
  const processMs = epochMs() - firstStart;
  const { user, system: kernel } = process.cpuUsage(cpu!);
  const dbCpuAfter = dbCpu === null ? null : processCpuMs("postgres");
  const dbCpuMsPerJob = dbCpu === null || dbCpuAfter === null ? null : (dbCpuAfter - dbCpu) / jobs;
  if (started !== jobs) throw new Error(`${definition.name}: ${jobs} jobs were enqueued but handlers started ${started} times`);
  const transactionsAfter = await writeTransactions(definition, input.target);
  // Less the first count's own transaction and the bulk enqueue's (one, for every system).
  const transactionsPerJob = transactionsBefore === null ? null : (transactionsAfter! - transactionsBefore - 2) / jobs;
  const cpuMsPerJob = (user + kernel) / 1000 / jobs;
  const startLagMs = system.startLags ? await system.startLags() : null;
  const processed = { bulkEnqueueMs, processMs, cpuMsPerJob, dbCpuMsPerJob, transactionsPerJob, startLagMs };
  const { samples } = input;
  if (!samples) return { ...processed, sameProcess: [], otherProcess: [] };

  const sameProcess = await samplePickups(samples, definition.pollMs.sameProcess, pickups, (k) =>
    system.enqueueOne({ t0: epochMs(), k }),
  );
  const producer = forkTs(new URL("./producer.ts", import.meta.url).pathname);
  try {
    producer.send({ systemId: input.systemId, target: input.target });
    await once(producer, "message");
    const otherProcess = await samplePickups(samples, definition.pollMs.otherProcess, pickups, async (k) => {
      producer.send({ k });
    });
    return { ...processed, sameProcess, otherProcess };
  } finally {
    producer.send({ close: true });
    await Promise.race([once(producer, "exit"), sleep(10_000).then(() => producer.kill("SIGKILL"))]);
  }
}

/**
 * Transaction ids the server has handed out so far: every transaction that writes gets one, at
 * once. (pg_stat_database's commit counts lag: a backend reports them only now and then.) The
 * query's own transaction takes one too; the caller subtracts it.
 */
async function writeTransactions(definition: QueueSystem, url: string): Promise<number | null> {
  if (definition.database !== "postgres") return null;
  const [row] = await query<{ n: string }>(url, "SELECT pg_current_xact_id()::text AS n");
  return Number(row!.n);
}

/** Enqueues one job at a time and waits for its handler to start; returns enqueue → start times. */
async function samplePickups(samples: PickupSamples, pollMs: number | null, watch: PickupWatch, enqueue: (k: number) => Promise<void>) {
  const { max, min, budgetMs } = samples;
  const deadline = epochMs() + budgetMs;
  const latencies: number[] = [];
  while (latencies.length < max && (latencies.length < min || epochMs() < deadline)) {
    // Spread samples over the poll interval, so polling systems are not sampled in step with it.
    await sleep(Math.random() * (pollMs ?? 20));
    const k = watch.nextKey();
    const started = watch.expect(k, (pollMs ?? 0) * 3 + 10_000);
    await enqueue(k);
    latencies.push(await started);
  }
  return latencies;
}

class PickupWatch {
  private key = 0;
  private readonly waiting = new Map<number, (latencyMs: number) => void>();

  nextKey(): number {
    return this.key++;
  }

  expect(k: number, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`job ${k} was not picked up within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(k, (latency) => {
        clearTimeout(timer);
        resolve(latency);
      });
    });
  }

  started(payload: BenchPayload): void {
    const at = epochMs();
    const resolve = this.waiting.get(payload.k!);
    this.waiting.delete(payload.k!);
    resolve?.(at - payload.t0!);
  }
}
