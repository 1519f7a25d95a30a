/*
 * Real worker processes for the registry's tests: spawn them (worker-process.ts), wait until they
 * claim jobs, kill them (SIGKILL / SIGTERM). Call killAllWorkerProcesses() in afterEach: it ends
 * every process still running, whatever the test did.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the worker's pool resolves task files from its working directory. */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const ENTRY = path.join(ROOT, "lib", "jobs", "testing", "worker-process.ts");
const READY_TIMEOUT_MS = 30_000;
const KEEP_OUTPUT_CHARS = 20_000;

export interface WorkerProcessEnv {
  /** file:… or postgresql://… (TestDatabase.url). */
  DATABASE_URL: string;
  WORKER_CONCURRENCY?: string;
  LEASE_MS?: string;
  POLL_MS?: string;
  RECOVER_MS?: string;
  /** How long running jobs may finish after SIGTERM before they are released. */
  GRACE_MS?: string;
  POOL_MAX_OLD_MB?: string;
  [name: string]: string | undefined;
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** The id its Worker claims jobs under (jobs.worker_id). */
  workerId: string;
  /** Resolves once the process is gone: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Sends `signal` and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** What the process wrote to stdout and stderr (the last 20,000 characters), for diagnostics. */
  output(): string;
}

const running = new Set<ChildProcess>();

/**
 * Starts one worker process and resolves once it printed READY (its worker is claiming jobs).
 * `entry` is another script speaking the same protocol (an app's worker with its own job kinds).
 */
export async function startWorkerProcess(env: WorkerProcessEnv, entry = ENTRY): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "error", ...env },
    // The IPC channel is only there so the child notices when this process dies (see worker-process.ts).
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  try {
    const workerId = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker process ${child.pid} not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
      const onData = () => {
        const m = /^READY (\S+)$/m.exec(output);
        if (m) {
          clearTimeout(timer);
          child.stdout!.off("data", onData);
          resolve(m[1]!);
        }
      };
      child.stdout!.on("data", onData);
      child.once("error", (err) => (clearTimeout(timer), reject(err)));
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`worker process exited (${signal ?? code}) before it was ready:\n${output}`));
      });
    });
    return {
      child,
      pid: child.pid!,
      workerId,
      exited,
      kill(signal = "SIGKILL") {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      },
      output: () => output,
    };
  } catch (err) {
    child.kill("SIGKILL");
    await exited;
    throw err;
  }
}

/** Starts `count` worker processes at once with the same settings. */
export function startWorkerProcesses(count: number, env: WorkerProcessEnv, entry = ENTRY): Promise<WorkerProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startWorkerProcess(env, entry)));
}

/** SIGKILLs every worker process still running and waits until they are gone (for afterEach). */
export async function killAllWorkerProcesses(): Promise<void> {
  const all = [...running];
  await Promise.all(
    all.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
}
