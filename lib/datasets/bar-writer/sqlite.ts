import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BufferPool } from "../bars";
import type { ChunkStore } from "./bar-writer";

const BUSY_TIMEOUT_MS = 10_000;
/** Writes handed to the thread and not yet stored before `write` waits: bounds the memory they hold. */
const MAX_IN_FLIGHT = 4;

interface Reply {
  id: number;
  ok: boolean;
  /** The written chunks' buffers, moved back. */
  buffers?: ArrayBuffer[];
  message?: string;
  code?: string;
}

/**
 * Stores chunks on a thread of its own (sqlite-thread.mjs), one IMMEDIATE transaction per write:
 * better-sqlite3 is synchronous, and waiting there for a busy database must not stop the job's
 * thread. `write` returns once the chunks are handed over (their bytes moved, not copied); a write
 * SQLite refuses fails the next `write` or `finish`. The thread moves the buffers back once stored.
 */
export function openSqliteChunkStore(file: string, pool: BufferPool): ChunkStore {
  const entry = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "datasets", "bar-writer", "sqlite-thread.mjs");
  const thread = new Worker(entry, { workerData: { file, busyTimeoutMs: BUSY_TIMEOUT_MS } });
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let lastId = 0;
  let stopped: Error | null = null;
  const stop = (err: Error) => {
    stopped ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  thread.on("message", ({ id, ok, message, code, buffers }: Reply) => {
    for (const buffer of buffers ?? []) pool.give(buffer);
    const w = waiting.get(id);
    waiting.delete(id);
    w?.[ok ? "resolve" : "reject"](Object.assign(new Error(message), { code }));
  });
  thread.on("error", stop);
  thread.on("exit", (code) => stop(new Error(`The SQLite writer thread stopped (exit code ${code}).`)));

  const send = (message: object, transfer: ArrayBuffer[] = []): Promise<void> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    const reply = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
    thread.postMessage({ id, ...message }, transfer);
    return reply;
  };

  const inFlight: Promise<void>[] = [];
  let failure: unknown = null;

  return {
    async write(datasetId, chunks) {
      if (failure) throw failure;
      const written = send({ type: "write", datasetId, chunks }, chunks.map((c) => c.bars));
      written.catch((err: unknown) => (failure ??= err));
      inFlight.push(written);
      while (inFlight.length > MAX_IN_FLIGHT) await inFlight.shift();
    },
    async finish() {
      await Promise.all(inFlight.splice(0));
    },
    async clear(datasetId) {
      await Promise.allSettled(inFlight.splice(0));
      failure = null;
      await send({ type: "clear", datasetId });
    },
    async close() {
      if (!stopped) await send({ type: "close" }).catch(() => {});
      await thread.terminate();
    },
  };
}
