/*
 * The real server (scripts/start.ts: next start with its in-process worker) killed with SIGKILL
 * in the middle of a batch of 20 analyses and in the middle of a dataset import, then started
 * again on the same data directory and database; and stopped with SIGTERM while jobs run. Checked
 * through the HTTP API, as the task center sees it, and in the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "@/lib/db";
import { countStoredBars, listStoredBars } from "@/lib/datasets/bars";
import { waitFor } from "@/lib/jobs/test-support";
import { HttpClient } from "./support/http-client";
import { createQueueOn } from "./support/queue";
import { lifecycle, overlappingAttempts, type JobDetail, type JobList } from "./support/jobs";
import { syntheticCsv } from "./support/market-data";
import { killAllServers, startServer, type AppServer } from "./support/server";

const PORT = 3202;
const LEASE_MS = 3_000;
const GRACE_MS = 4_000;

let dataDir: string;
let server: AppServer;
let client: HttpClient;
let db: Db;

const start = () =>
  startServer({ port: PORT, dataDir, env: { JOBS_LEASE_MS: String(LEASE_MS), JOBS_CONCURRENCY: "3", JOBS_SHUTDOWN_GRACE_MS: String(GRACE_MS) } });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-chaos-server-"));
  server = await start();
  client = new HttpClient(server.url);
  await client.registerAndSignIn();
  db = createDatabase({ dialect: "sqlite", file: path.join(dataDir, "tandem.db") }).db;
});
afterAll(async () => {
  await killAllServers();
  await db?.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function uploadAndImport(bytes: Buffer, fileName: string): Promise<{ datasetId: string; jobId: string }> {
  const response = await client.upload("/api/datasets", fileName, bytes);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as { datasetId: string; jobId: string };
}

async function waitForDataset(datasetId: string, timeoutMs: number) {
  return waitFor(
    `dataset ${datasetId} to be ready`,
    async () => {
      const d = await client.get<{ status: string; rowCount: number; errorMessage: string | null }>(`/api/datasets/${datasetId}`);
      if (d.status === "failed") throw new Error(`the import failed: ${d.errorMessage}`);
      return d.status === "ready" && d.rowCount > 0 && d;
    },
    timeoutMs,
  );
}

const batchList = (batchId: string) => client.get<JobList>(`/api/jobs?batch=${batchId}&limit=200`);

describe("the real server killed with SIGKILL", () => {
  it("mid-batch of 20 analyses: after a restart every job ends succeeded once, interrupted runs re-run after the crash, results complete and equal to a clean run", async () => {
    const symbols = Array.from({ length: 20 }, (_, i) => `CH${String(i + 1).padStart(2, "0")}`);
    const { datasetId } = await uploadAndImport(syntheticCsv(symbols, 1_200), "twenty.csv");
    await waitForDataset(datasetId, 60_000);

    const submitted = await client.post<{ batchId: string; jobIds: string[] }>("/api/analyses", { symbols, depth: 3, title: "Twenty under fire" });
    expect(submitted.jobIds).toHaveLength(20);
    const { batchId, jobIds } = submitted;
    const firstWorker = await waitFor("some analyses done and others mid-run", async () => {
      const jobs = await db.job.findMany({ where: { batchId }, select: { status: true, progress: true, workerId: true } });
      const running = jobs.filter((j) => j.status === "running" && j.progress > 0);
      return jobs.filter((j) => j.status === "succeeded").length >= 2 && running.length >= 2 && running[0]!.workerId;
    }, 120_000);

    const died = await server.kill("SIGKILL");
    expect(died.signal).toBe("SIGKILL");
    // The database as the crash left it: the runs that were going on are still "running" on the dead worker.
    const atCrash = await db.job.findMany({ where: { batchId }, select: { id: true, status: true, workerId: true, payload: true } });
    const interrupted = atCrash.filter((j) => j.status === "running");
    const doneBefore = new Set(atCrash.filter((j) => j.status === "succeeded").map((j) => j.id));
    expect(interrupted.length).toBeGreaterThan(0);
    expect(interrupted.every((j) => j.workerId === firstWorker)).toBe(true);
    expect(atCrash.every((j) => ["queued", "running", "succeeded"].includes(j.status))).toBe(true);

    server = await start();
    await waitFor("all 20 analyses to succeed", async () => (await batchList(batchId)).counts?.succeeded === 20, 240_000);

    // The task center tells the truth: 20 succeeded, nothing running or queued, the batch complete.
    const list = await batchList(batchId);
    expect(list.counts).toMatchObject({ succeeded: 20, running: 0, queued: 0, failed: 0 });
    expect(list.jobs.map((j) => j.status)).toEqual(Array(20).fill("succeeded"));
    expect(list.batches.find((b) => b.id === batchId)).toMatchObject({ total: 20, progress: 100 });

    const secondWorker = (await db.workerProcess.findMany({ where: { id: { not: firstWorker } }, select: { id: true } })).map((w) => w.id);
    expect(secondWorker).toHaveLength(1);
    for (const id of jobIds) {
      const job = await client.get<JobDetail>(`/api/jobs/${id}`);
      const symbol = (job.payload as { symbol: string }).symbol;
      expect(overlappingAttempts(job)).toEqual([]);
      // Complete results: every analyst's section, the decision, the report and the chart.
      expect(job.result).toMatchObject({ symbol, technical: expect.any(Object), risk: expect.any(Object), backtest: expect.any(Object), chart: expect.any(Object) });
      expect((job.result as { decision: { action: string } }).decision.action).toMatch(/^(BUY|HOLD|SELL)$/);
      expect((job.result as { report: string }).report).toContain(symbol);
      if (doneBefore.has(id)) {
        expect(lifecycle(job)).toEqual(["queued", "started", "succeeded"]);
      } else if (interrupted.some((j) => j.id === id)) {
        // Ran on the killed server, its lease expired, and it ran once more on the new one, after the crash.
        expect(job.attempts).toBe(2);
        expect(lifecycle(job)).toEqual(["queued", "started", "lease_expired", "started", "succeeded"]);
        expect(job.attemptHistory.map((a) => [a.workerId, a.outcome])).toEqual([
          [firstWorker, "lease_expired"],
          [secondWorker[0], "succeeded"],
        ]);
        expect(Date.parse(job.attemptHistory[1]!.startedAt)).toBeGreaterThanOrEqual(died.at);
      } else {
        expect(job.attempts).toBe(1);
        expect(job.attemptHistory.map((a) => a.workerId)).toEqual([secondWorker[0]]);
      }
    }

    // A clean run of the interrupted symbols gives exactly the results the recovered runs stored.
    const again = interrupted.map((j) => (j.payload as { symbol: string }).symbol);
    const control = await client.post<{ batchId: string; jobIds: string[] }>("/api/analyses", { symbols: again, depth: 3, title: "Control run" });
    await waitFor("the control run", async () => (await batchList(control.batchId)).counts?.succeeded === again.length, 120_000);
    for (const [i, controlId] of control.jobIds.entries()) {
      const recovered = await client.get<JobDetail>(`/api/jobs/${interrupted[i]!.id}`);
      const clean = await client.get<JobDetail>(`/api/jobs/${controlId}`);
      expect(recovered.result).toEqual(clean.result);
    }
  });

  it("mid-import of an upload: after a restart the import starts over and the dataset has exactly the file's rows", async () => {
    const symbols = Array.from({ length: 40 }, (_, i) => `IM${String(i + 1).padStart(2, "0")}`);
    const bytes = syntheticCsv(symbols, 6_000);
    const rows = symbols.length * 6_000;
    const { datasetId, jobId } = await uploadAndImport(bytes, "big.csv");
    await waitFor("bars being written", async () => (await countStoredBars(db, datasetId)) > 10_000, 90_000);
    const died = await server.kill("SIGKILL");
    const atCrash = (await db.dataset.findUnique({ where: { id: datasetId } }))!;
    expect(atCrash.status).toBe("importing");
    expect(await countStoredBars(db, datasetId)).toBeLessThan(rows);

    server = await start();
    // Half-written bars are never shown: the dataset stays "importing" until its import is whole.
    const during = await client.get<{ status: string; rowCount: number }>(`/api/datasets/${datasetId}`);
    expect(["importing", "ready"]).toContain(during.status);
    const ready = await waitForDataset(datasetId, 180_000);
    expect(ready.rowCount).toBe(rows);
    expect(await countStoredBars(db, datasetId)).toBe(rows);
    expect(new Set((await listStoredBars(db, datasetId)).map((b) => `${b.symbol} ${b.date.getTime()}`)).size).toBe(rows);
    const symbolRows = await db.datasetSymbol.findMany({ where: { datasetId }, select: { symbol: true, rowCount: true } });
    expect(symbolRows.map((s) => s.symbol).sort()).toEqual(symbols);
    expect(symbolRows.every((s) => s.rowCount === 6_000)).toBe(true);

    const job = await client.get<JobDetail>(`/api/jobs/${jobId}`);
    expect(job.status).toBe("succeeded");
    expect(job.attempts).toBe(2);
    expect(lifecycle(job)).toEqual(["queued", "started", "lease_expired", "started", "succeeded"]);
    expect(overlappingAttempts(job)).toEqual([]);
    expect(Date.parse(job.attemptHistory[1]!.startedAt)).toBeGreaterThanOrEqual(died.at);
    // The stored upload is removed once imported.
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual([]);
  });
});

describe("the real server stopped with SIGTERM", () => {
  it("drains: jobs that fit in the grace period finish, longer ones are handed back and finished after a restart", async () => {
    const user = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const queue = createQueueOn(db);
    const short = await queue.enqueueMany([1, 2].map((i) => ({ kind: "test.sleep", name: `short ${i}`, payload: { ms: 1_500 }, ownerId: user.id })));
    const long = await queue.enqueue({ kind: "test.sleep", name: "too long", payload: { ms: 10_000 }, ownerId: user.id });
    const all = [...short.jobIds, long.jobId];
    await waitFor("3 jobs running", async () => (await db.job.count({ where: { id: { in: all }, status: "running" } })) === 3, 30_000);
    const { workerId: stoppingWorker } = (await db.job.findUnique({ where: { id: long.jobId } }))!;

    const asked = Date.now();
    const stopped = await server.kill("SIGTERM");
    expect(stopped).toMatchObject({ code: 0, signal: null });
    // Within the grace period and a little time to hand the rest back.
    expect(stopped.at - asked).toBeLessThan(GRACE_MS + 8_000);
    for (const id of short.jobIds) expect((await db.job.findUnique({ where: { id } }))!.status).toBe("succeeded");
    const released = (await queue.get(long.jobId))!;
    expect(released.status).toBe("queued");
    expect(released.events.map((e) => e.type).filter((t) => t !== "progress")).toEqual(["queued", "started", "released"]);
    // The stopped worker deregistered itself (the SIGKILLed servers' rows stay until they go stale).
    expect(await db.workerProcess.count({ where: { id: stoppingWorker! } })).toBe(0);

    server = await start();
    const finished = await waitFor("the released job to finish", async () => {
      const job = await client.get<JobDetail>(`/api/jobs/${long.jobId}`);
      return job.status === "succeeded" && job;
    }, 60_000);
    expect(finished.attemptHistory.map((a) => a.outcome)).toEqual(["released", "succeeded"]);
    expect(overlappingAttempts(finished)).toEqual([]);
  });
});
