import { once } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** How often the thread looks how far the log has grown. */
const INTERVAL_MS = 100;
/** Log pages (frames) that make a checkpoint worth its fsync: SQLite's own automatic threshold. */
const MIN_FRAMES = 1_000;
/**
 * The log size (pages) at which a connection that hands checkpoints to the checkpointer still runs
 * one itself, should the thread fall behind or fail: bounds the log file. SQLite's default is 1,000.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Checkpoints the SQLite file's write-ahead log on a thread of its own once it holds 1,000 pages
 * not yet copied back (looked at every 100 ms). SQLite otherwise runs that checkpoint inside
 * whichever commit takes the log past 1,000 pages, on that connection's thread: for the
 * registry's connection, the event loop's, stalling every job and request of the process
 * meanwhile. A connection that relies on this sets `wal_autocheckpoint` to
 * FALLBACK_AUTOCHECKPOINT_PAGES.
 */
export function startCheckpointer(file: string, onWarning: (message: string) => void = (m) => process.emitWarning(m)): Checkpointer {
  const entry = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "db", "sqlite-checkpoint-thread.mjs");
  const thread = new Worker(entry, { workerData: { file, intervalMs: INTERVAL_MS, minFrames: MIN_FRAMES } });
  thread.unref();
  thread.on("message", (m: { warning?: string }) => m.warning && onWarning(m.warning));
  thread.on("error", (err) => onWarning(`SQLite checkpointer stopped: ${err.message}`));
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        const exited = once(thread, "exit");
        // Unreferenced, the thread would not keep a process whose last act is this wait alive.
        thread.ref();
        thread.postMessage("stop");
        await exited;
      })();
      return stopping;
    },
  };
}
