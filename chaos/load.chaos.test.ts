/*
 * Load on the real server over loopback: 50 task-center pollers (GET /api/jobs every second with
 * If-None-Match, as the task center does while jobs run) and analysis submissions from several
 * users, for 60 s, while the in-process worker runs what is submitted. Asserts that nothing fails
 * (no 5xx, no refused or reset connection, no 429) and every submitted job ends succeeded; prints
 * the latency percentiles (reported, not asserted: benchmarks own speed).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@/lib/jobs/test-support";
import { HttpClient } from "./support/http-client";
import type { JobList } from "./support/jobs";
import { percentile } from "./support/market-data";
import { killAllServers, startServer, type AppServer } from "./support/server";

const PORT = 3204;
const DURATION_MS = Number(process.env.CHAOS_LOAD_SECONDS ?? 60) * 1_000;
const POLLERS = 50;
const USERS = 10;
const SUBMITTERS = 5;
const POLL_EVERY_MS = 1_000;
const SUBMIT_EVERY_MS = 3_000;
// The monthly sample (2000–2010): small series, so the worker keeps up with the submissions.
const SYMBOLS = ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"];

let dataDir: string;
let server: AppServer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-chaos-load-"));
  server = await startServer({ port: PORT, dataDir, env: { JOBS_CONCURRENCY: "3" } });
});
afterAll(async () => {
  await killAllServers();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Sample {
  ms: number;
  status: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("load on the real server", () => {
  it(`${POLLERS} pollers and ${SUBMITTERS} submitters for ${DURATION_MS / 1000} s: no errors, every submitted analysis succeeds`, async () => {
    const users = await Promise.all(
      Array.from({ length: USERS }, async () => {
        const client = new HttpClient(server.url);
        await client.registerAndSignIn();
        return client;
      }),
    );
    await waitFor("the monthly sample", async () => {
      const { symbols } = await users[0]!.get<{ symbols: { symbol: string }[] }>("/api/symbols");
      return SYMBOLS.every((s) => symbols.some((x) => x.symbol === s));
    }, 90_000);

    const polls: Sample[] = [];
    const submits: Sample[] = [];
    const errors: string[] = [];
    const submitted: { client: HttpClient; jobId: string }[] = [];
    const deadline = Date.now() + DURATION_MS;

    const timed = async (client: HttpClient, pathname: string, init: RequestInit, into: Sample[]) => {
      const started = performance.now();
      try {
        const response = await client.request(pathname, init);
        const body = await response.text();
        into.push({ ms: performance.now() - started, status: response.status });
        return { response, body };
      } catch (err) {
        errors.push(`${init.method ?? "GET"} ${pathname}: ${(err as Error).message} ${String((err as Error).cause ?? "")}`);
        return null;
      }
    };

    const poller = async (client: HttpClient, n: number) => {
      let etag: string | null = null;
      await sleep((n * POLL_EVERY_MS) / POLLERS);
      while (Date.now() < deadline) {
        const r = await timed(client, "/api/jobs?limit=50", { headers: etag ? { "if-none-match": etag } : {} }, polls);
        if (r && r.response.status !== 200 && r.response.status !== 304) errors.push(`poll: ${r.response.status} ${r.body.slice(0, 200)}`);
        if (r?.response.status === 200) etag = r.response.headers.get("etag");
        await sleep(POLL_EVERY_MS);
      }
    };

    const submitter = async (client: HttpClient, n: number) => {
      let i = n;
      await sleep((n * SUBMIT_EVERY_MS) / SUBMITTERS);
      while (Date.now() < deadline) {
        const symbol = SYMBOLS[i++ % SYMBOLS.length]!;
        const r = await timed(
          client,
          "/api/analyses",
          { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ symbols: [symbol], depth: 1 }) },
          submits,
        );
        if (r && r.response.status !== 202) errors.push(`submit: ${r.response.status} ${r.body.slice(0, 200)}`);
        else if (r) submitted.push({ client, jobId: (JSON.parse(r.body) as { jobIds: string[] }).jobIds[0]! });
        await sleep(SUBMIT_EVERY_MS);
      }
    };

    await Promise.all([
      ...Array.from({ length: POLLERS }, (_, n) => poller(users[n % USERS]!, n)),
      ...Array.from({ length: SUBMITTERS }, (_, n) => submitter(users[n]!, n)),
    ]);

    const summary = (name: string, samples: Sample[]) => {
      const ms = samples.map((s) => s.ms);
      const statuses = Object.entries(samples.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}))
        .map(([status, count]) => `${status}×${count}`)
        .join(" ");
      return `${name}: ${samples.length} requests (${statuses}); p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;
    };
    console.log(`[chaos load] ${DURATION_MS / 1000} s on loopback, ${POLLERS} pollers, ${SUBMITTERS} submitters\n  ${summary("GET /api/jobs", polls)}\n  ${summary("POST /api/analyses", submits)}`);

    expect(errors).toEqual([]);
    expect(polls.length).toBeGreaterThan(POLLERS);
    expect(submitted.length).toBeGreaterThan(SUBMITTERS);

    // Everything submitted under load runs to the end.
    const byUser = new Map<HttpClient, Set<string>>();
    for (const s of submitted) byUser.set(s.client, (byUser.get(s.client) ?? new Set()).add(s.jobId));
    await waitFor("every submitted analysis to succeed", async () => {
      for (const [client, ids] of byUser) {
        const list = await client.get<JobList>("/api/jobs?kind=analysis&limit=200");
        const mine = list.jobs.filter((j) => ids.has(j.id));
        if (mine.length !== ids.size || mine.some((j) => j.status !== "succeeded")) {
          const failed = mine.filter((j) => j.status === "failed");
          if (failed.length) throw new Error(`analyses failed under load: ${JSON.stringify(failed)}`);
          return false;
        }
      }
      return true;
    }, 120_000);
  });
});
