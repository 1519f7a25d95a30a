import os from "node:os";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { Piscina } from "piscina";

export interface PoolOptions {
  /** Project root: the entry file and relative task files are resolved from it. */
  root?: string;
  maxThreads?: number;
  /** A thread whose heap grows past this is stopped and replaced (its task fails). */
  maxOldGenerationSizeMb?: number;
}

export type PoolProgress = (percent: number, label?: string) => void;

const key = Symbol.for("tandem.jobs.pool");
const holder = globalThis as unknown as { [key]?: { pool: Piscina; root: string } };

/** The process's one worker-thread pool, created on first use. */
export function sharedPool(options: PoolOptions = {}): { pool: Piscina; root: string } {
  if (!holder[key]) {
    const root = options.root ?? /*turbopackIgnore: true*/ process.cwd();
    const pool = new Piscina({
      filename: path.join(root, "lib", "jobs", "pool", "worker-entry.mjs"),
      minThreads: 0,
      maxThreads: options.maxThreads ?? Math.max(os.availableParallelism(), 3),
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512 },
    });
    holder[key] = { pool, root };
  }
  return holder[key];
}

/** Runs `file`'s default export on a pool thread; aborting the signal stops the thread. */
export async function runInPool<I, O>(
  file: string,
  input: I,
  { signal, onProgress, options }: { signal?: AbortSignal; onProgress?: PoolProgress; options?: PoolOptions } = {},
): Promise<O> {
  const { pool, root } = sharedPool(options);
  const { port1, port2 } = new MessageChannel();
  const report = (m: { percent: number; label?: string }) => onProgress?.(m.percent, m.label);
  port1.on("message", report);
  try {
    return (await pool.run(
      { file: path.resolve(root, file), input, port: port2 },
      { signal: signal ?? null, transferList: [port2] },
    )) as O;
  } finally {
    // Progress the task posted just before it returned may not have been delivered yet.
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) report(m.message);
    port1.close();
  }
}

export async function closeSharedPool(): Promise<void> {
  const entry = holder[key];
  if (!entry) return;
  delete holder[key];
  await entry.pool.destroy();
}
