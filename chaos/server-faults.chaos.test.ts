/*
 * The real server when what it stands on fails: an upload directory it cannot write, a full disk
 * (a 1 MB tmpfs as the upload directory, where this machine lets us mount one) and a SQLite
 * database locked by another writer for longer than the busy timeout. The user gets a clear
 * answer (503/507 with a message, never a 500 with internals), nothing half-made is left behind,
 * the server keeps serving and its worker keeps working, and all is well once the fault is gone.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "@/lib/db";
import { waitFor } from "@/lib/jobs/test-support";
import { HttpClient } from "./support/http-client";
import type { JobDetail } from "./support/jobs";
import { syntheticCsv } from "./support/market-data";
import { killAllServers, startServer, type AppServer } from "./support/server";

const PORT = 3203;
const BUSY_TIMEOUT_MS = 1_000;

let dataDir: string;
let uploads: string;
let server: AppServer;
let client: HttpClient;
let db: Db;
let mounted = false;

/** Whether this machine lets us mount a tmpfs (root in a container that allows it). */
function canMountTmpfs(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}
const tmpfs = canMountTmpfs();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-chaos-faults-"));
  uploads = path.join(dataDir, "uploads");
  server = await startServer({ port: PORT, dataDir, env: { SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS), JOBS_LEASE_MS: "5000" } });
  client = new HttpClient(server.url);
  await client.registerAndSignIn();
  db = createDatabase({ dialect: "sqlite", file: path.join(dataDir, "tandem.db") }).db;
  // The sample imports read their files from the upload directory, which the tests below take
  // away: on a loaded machine they can still be running when the first test starts.
  await waitFor("the sample datasets to be imported", async () => {
    const samples = await db.dataset.findMany({ where: { ownerId: null }, select: { status: true } });
    if (samples.some((d) => d.status === "failed")) throw new Error("a sample dataset failed to import");
    return samples.length > 0 && samples.every((d) => d.status === "ready");
  }, 90_000);
});
afterAll(async () => {
  await killAllServers();
  await db?.$disconnect();
  if (mounted) execFileSync("umount", ["-l", uploads], { stdio: "ignore" });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const datasetNames = async () => (await client.get<{ datasets: { name: string }[] }>("/api/datasets")).datasets.map((d) => d.name);

async function expectStillServing() {
  expect((await client.request("/api/jobs?limit=5")).status).toBe(200);
  expect((await client.request("/api/me")).status).toBe(200);
}

async function uploadAndWait(name: string, bytes: Buffer) {
  const response = await client.upload("/api/datasets", `${name}.csv`, bytes, { name });
  expect(response.status, await response.clone().text()).toBe(202);
  const { datasetId } = (await response.json()) as { datasetId: string };
  return waitFor(`${name} to be imported`, async () => {
    const d = await client.get<{ status: string; rowCount: number }>(`/api/datasets/${datasetId}`);
    return d.status === "ready" && d;
  }, 60_000);
}

describe("the upload directory cannot be written", () => {
  it("a regular file where the directory should be: 503 that says so, no dataset, and uploads work again once it is fixed", async () => {
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.writeFileSync(uploads, "not a directory");
    const before = await db.dataset.count();

    const response = await client.upload("/api/datasets", "refused.csv", syntheticCsv(["NOW1"], 300), { name: "refused" });
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(/cannot store uploads/);
    expect(error).not.toMatch(/EEXIST|ENOTDIR|\/tmp\//);
    expect(await db.dataset.count()).toBe(before);
    expect(await datasetNames()).not.toContain("refused");
    await expectStillServing();

    fs.rmSync(uploads);
    expect((await uploadAndWait("accepted", syntheticCsv(["NOW1"], 300))).rowCount).toBe(300);
  });
});

describe.runIf(tmpfs)("the disk is full", () => {
  it("a 2 MB upload to a 1 MB file system: 507 that says so, the partial file removed, no dataset; a small upload still works", async () => {
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.mkdirSync(uploads);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", uploads]);
    mounted = true;
    const before = await db.dataset.count();

    const big = syntheticCsv(["FULL1", "FULL2", "FULL3"], 16_000);
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await client.upload("/api/datasets", "full.csv", big, { name: "too big for the disk" });
    expect(response.status).toBe(507);
    expect(((await response.json()) as { error: string }).error).toMatch(/no room to store this file/);
    expect(fs.readdirSync(uploads)).toEqual([]);
    expect(await db.dataset.count()).toBe(before);
    await expectStillServing();

    const small = await uploadAndWait("fits", syntheticCsv(["FITS"], 500));
    expect(small.rowCount).toBe(500);
    expect(fs.readdirSync(uploads)).toEqual([]);
  });
});

describe("SQLite locked by another writer for longer than the busy timeout", () => {
  it("writes get 503 with Retry-After and a clear message, reads still answer, nothing half-made is left; afterwards all works and the worker carries on", async () => {
    expect((await client.get<{ symbols: { symbol: string }[] }>("/api/symbols")).symbols.map((s) => s.symbol)).toContain("SPX");
    if (mounted) {
      execFileSync("umount", ["-l", uploads]);
      mounted = false;
    }
    const jobsBefore = await db.job.count();
    const datasetsBefore = await db.dataset.count();

    const locker = new Database(path.join(dataDir, "tandem.db"), { timeout: 10_000 });
    locker.exec("BEGIN IMMEDIATE");
    try {
      const submit = await client.request("/api/analyses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ symbols: ["SPX"], depth: 1 }),
      });
      expect(submit.status).toBe(503);
      expect(submit.headers.get("retry-after")).toBe("5");
      const { error } = (await submit.json()) as { error: string };
      expect(error).toMatch(/database is busy or unreachable/);
      expect(error).not.toMatch(/SQLITE|locked|prisma/i);

      const upload = await client.upload("/api/datasets", "locked.csv", syntheticCsv(["LOCK1"], 300), { name: "during the lock" });
      expect(upload.status).toBe(503);
      expect(fs.readdirSync(uploads)).toEqual([]);

      // Readers are not blocked by a writer (WAL).
      expect((await client.request("/api/jobs?limit=5")).status).toBe(200);
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
    expect(await db.job.count()).toBe(jobsBefore);
    expect(await db.dataset.count()).toBe(datasetsBefore);

    const { jobIds } = await client.post<{ jobIds: string[] }>("/api/analyses", { symbols: ["SPX"], depth: 1 });
    const job = await waitFor("the analysis after the lock", async () => {
      const j = await client.get<JobDetail>(`/api/jobs/${jobIds[0]}`);
      return j.status === "succeeded" && j;
    }, 60_000);
    expect(job.attempts).toBe(1);
    expect(server.alive()).toBe(true);
  });
});
