import { execSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { keepTypeScriptConfig } from "./keep-typescript-config";
import { sleep } from "./latency";

export interface AppServer {
  baseUrl: string;
  /** The server's own SQLite file (benchmarks may seed it directly). */
  dbFile: string;
  distDir: string;
  /** CPU time the server's processes (all threads) have used so far, in ms; NaN where /proc is missing. */
  cpuMs(): number;
  /** The same, split by thread: see ThreadCpu. */
  threadCpuMs(): ThreadCpu;
  stop(): Promise<void>;
}

const FIRST_PORT = 3301;
const READY_TIMEOUT_MS = 10 * 60_000;

/**
 * Tandem as `npm start` runs it (scripts/start.ts: migrate, build when the sources changed, then
 * `next start` with its workers), on its own port, SQLite file and data directory under /tmp and
 * its own build directory (NEXT_DIST_DIR, default `.next-bench`).
 */
export async function startApp({ env = {}, log }: { env?: Record<string, string>; log: (m: string) => void }): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-app-"));
  const port = await freePort(FIRST_PORT);
  const baseUrl = `http://localhost:${port}`;
  const dbFile = path.join(dir, "app.db");
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
  const logFile = path.join(dir, "server.log");
  const out = fs.openSync(logFile, "a");
  const restoreConfig = keepTypeScriptConfig(distDir, log);
  log(`starting the app on ${baseUrl} (build dir ${distDir}; builds first when the sources changed)…`);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      TANDEM_DATA_DIR: path.join(dir, "data"),
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      JOBS_SHUTDOWN_GRACE_MS: "1000",
      REGISTRATION_LIMIT_PER_IP: "1000",
      ...env,
    },
    // Its own process group, so stop() ends the server and the `next start` it spawned.
    detached: true,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) =>
    server.on("exit", (code, signal) => {
      exited = signal ?? `code ${code}`;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      process.kill(-server.pid!, "SIGTERM");
      await Promise.race([exit, sleep(15_000)]);
      if (!exited) process.kill(-server.pid!, "SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    while (!(await answers(`${baseUrl}/signin`))) {
      if (exited) throw new Error(`the app exited (${exited}) before it answered; ${excerpt(logFile)}`);
      if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the app did not answer within ${READY_TIMEOUT_MS / 1000} s; ${excerpt(logFile)}`);
      await sleep(500);
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    restoreConfig();
  }
  log(`app ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    baseUrl,
    dbFile,
    distDir: path.resolve(distDir),
    cpuMs: () => processTreeCpuMs(server.pid!).total,
    threadCpuMs: () => processTreeCpuMs(server.pid!),
    stop,
  };
}

/** CPU time in ms of the server's processes, by thread. */
export interface ThreadCpu {
  total: number;
  /** The processes' main threads: the event loop (HTTP, the registry's bookkeeping, Prisma). */
  main: number;
  /**
   * Threads running below normal priority (nice > 0 or SCHED_IDLE): the worker-thread pool's,
   * which lower their own priority (JOBS_POOL_NICE).
   */
  lowPriority: number;
  /** Everything else: V8's GC and compiler threads, libuv's thread pool, normal-priority workers. */
  other: number;
}

const SCHED_IDLE = 5;

/** utime + stime of a process and its descendants, by thread, from /proc (Linux); NaN where /proc is missing. */
function processTreeCpuMs(pid: number): ThreadCpu {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return { total: NaN, main: NaN, lowPriority: NaN, other: NaN };
  clockTicks ??= Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
  const ticks = { total: 0, main: 0, lowPriority: 0, other: 0 };
  const visit = (p: string) => {
    try {
      ticks.total += statFields(`/proc/${p}/stat`).cpu;
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const thread = statFields(`/proc/${p}/task/${task}/stat`);
        if (task === p) ticks.main += thread.cpu;
        else if (thread.nice > 0 || thread.policy === SCHED_IDLE) ticks.lowPriority += thread.cpu;
        else ticks.other += thread.cpu;
        for (const child of fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) visit(child);
      }
    } catch {
      // The process or thread ended meanwhile.
    }
  };
  visit(String(pid));
  const toMs = (t: number) => (t * 1000) / clockTicks!;
  // A process's own stat also counts its threads that have exited; the split counts live threads only.
  return { total: toMs(ticks.total), main: toMs(ticks.main), lowPriority: toMs(ticks.lowPriority), other: toMs(ticks.other) };
}
let clockTicks: number | undefined;

/** utime + stime (fields 14 and 15 of stat), nice (19) and scheduling policy (41). */
function statFields(file: string): { cpu: number; nice: number; policy: number } {
  const stat = fs.readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { cpu: Number(fields[11]) + Number(fields[12]), nice: Number(fields[16]), policy: Number(fields[38]) };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: "manual" })).status === 200;
  } catch {
    return false;
  }
}

/** The log's error lines and its end; the whole log is kept next to the temporary directory. */
function excerpt(file: string): string {
  const kept = `${path.dirname(file)}.log`;
  fs.copyFileSync(file, kept);
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const errors = lines.filter((l) => /error|failed/i.test(l)).slice(0, 20);
  return `server log in ${kept}:\n${[...errors, "…", ...lines.slice(-15)].join("\n")}`;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}
