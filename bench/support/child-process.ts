import { fork, type ChildProcess } from "node:child_process";

type Message<T> = { type: "result"; value: T } | { type: "error"; message: string };

/**
 * Runs a TypeScript module in its own Node process (so each system under test has a process of
 * its own) and resolves with what it hands back through `serveChild`. Fails when the child throws,
 * exits without an answer or outlives `timeoutMs` (it is then killed).
 */
export function runChild<T>(file: string, input: unknown, { timeoutMs, env }: { timeoutMs: number; env?: Record<string, string> }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = forkTs(file, { ...process.env, LOG_LEVEL: "warn", ...env });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`${file} did not finish within ${Math.round(timeoutMs / 1000)} s`)));
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("message", (m: Message<T>) => {
      if (m.type === "result") settle(() => resolve(m.value));
      else settle(() => reject(new Error(m.message)));
    });
    child.on("error", (err) => settle(() => reject(err)));
    child.on("exit", (code, signal) => settle(() => reject(new Error(`${file} exited (${signal ?? `code ${code}`}) without a result`))));
    child.send({ input });
  });
}

/**
 * Starts a TypeScript module under tsx with an IPC channel. BENCH_CPU_PROFILE_DIR=DIR writes a
 * V8 CPU profile of each child there (open it in Chrome DevTools).
 */
export function forkTs(file: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  return fork(file, [], { execArgv: ["--import", "tsx", ...profile], env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/** The child side of runChild: computes the answer for the input it is sent, then exits. */
export function serveChild<I, T>(main: (input: I) => Promise<T>): void {
  process.once("message", (m: { input: I }) => {
    main(m.input).then(
      (value) => process.send!({ type: "result", value } satisfies Message<T>, () => process.exit(0)),
      (err: unknown) => {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        process.send!({ type: "error", message } satisfies Message<T>, () => process.exit(1));
      },
    );
  });
}
