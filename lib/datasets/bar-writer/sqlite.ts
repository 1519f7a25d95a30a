import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BarRow } from "../parse";
import type { BarWriter } from "./bar-writer";

const BUSY_TIMEOUT_MS = 10_000;
/** Batches handed to the thread and not yet stored before `write` waits: bounds the memory they hold. */
const MAX_IN_FLIGHT = 4;

interface Reply {
  id: number;
  ok: boolean;
  message?: string;
  code?: string;
}

/**
 * Writes bars on a thread of its own (sqlite-thread.mjs): multi-row prepared INSERTs, one IMMEDIATE
 * transaction per batch, dates as unix ms like Prisma's. `write` returns once the batch is handed
 * over, so the reader parses the next one while SQLite stores this one; a batch SQLite refuses
 * fails the next `write` or `finish`.
 */
export function openSqliteBarWriter(file: string): BarWriter {
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
  thread.on("message", ({ id, ok, message, code }: Reply) => {
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
    async write(datasetId, rows) {
      if (failure) throw failure;
      const { batch, transfer } = pack(datasetId, rows);
      const written = send({ type: "write", batch }, transfer);
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

/** A batch as columns the thread receives without copying: numbers in typed arrays (NaN for null), symbols by index. */
function pack(datasetId: string, rows: BarRow[]) {
  const n = rows.length;
  const columns = { dates: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  const symbolAt = new Uint32Array(n);
  const symbols: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    let s = index.get(r.symbol);
    if (s === undefined) {
      s = symbols.push(r.symbol) - 1;
      index.set(r.symbol, s);
    }
    symbolAt[i] = s;
    columns.dates[i] = r.date.getTime();
    columns.open[i] = r.open ?? NaN;
    columns.high[i] = r.high ?? NaN;
    columns.low[i] = r.low ?? NaN;
    columns.close[i] = r.close;
    columns.volume[i] = r.volume ?? NaN;
  }
  const transfer = [symbolAt.buffer, ...Object.values(columns).map((c) => c.buffer)];
  return { batch: { datasetId, symbols, symbolAt, ...columns }, transfer };
}
