/*
 * The real Tandem server for the chaos suite: `scripts/start.ts` (prepare + migrate, then
 * `next start` with its in-process job worker) on a port and data directory of the test's own.
 * It runs in a process group of its own, so SIGKILL takes the launcher, `next start` and its
 * worker threads down together, as a crash or an OOM kill of the container would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "./build";
import { ROOT } from "./root";

const READY_TIMEOUT_MS = 120_000;
const KEEP_OUTPUT_CHARS = 40_000;

export interface ServerOptions {
  port: number;
  /** TANDEM_DATA_DIR: secret, uploads and (by default) the SQLite database. */
  dataDir: string;
  /** Default: file:<dataDir>/tandem.db. */
  databaseUrl?: string;
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface AppServer {
  url: string;
  pid: number;
  exited: Promise<Exit>;
  /** SIGKILL (default) goes to the whole process group; SIGTERM only to the launcher, which forwards it once. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
  alive(): boolean;
  output(): string;
}

const running = new Set<ChildProcess>();
// Servers run in process groups of their own, so they would outlive a test run that crashed.
process.once("exit", () => {
  for (const child of running) killGroup(child);
});

export async function startServer({ port, dataDir, databaseUrl, env = {} }: ServerOptions): Promise<AppServer> {
  ensureBuild();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? `file:${path.join(dataDir, "tandem.db")}`,
      TANDEM_DATA_DIR: dataDir,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "chaos-suite-secret-chaos-suite-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      TANDEM_TEST_JOB_KINDS: "1",
      REGISTRATION_LIMIT_PER_IP: "1000",
      ...env,
    },
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const server: AppServer = {
    url,
    pid: child.pid!,
    exited,
    alive,
    output: () => output,
    kill(signal = "SIGKILL") {
      if (signal === "SIGKILL") killGroup(child);
      else if (alive()) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!alive()) throw new Error(`the server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await server.kill("SIGKILL");
      throw new Error(`the server was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    const ok = await fetch(`${url}/api/auth/csrf`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** SIGKILLs every server (process group) still running: for afterAll/afterEach. */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          killGroup(child);
          if (child.exitCode !== null || child.signalCode !== null) resolve();
        }),
    ),
  );
}
