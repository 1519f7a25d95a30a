// The SQLite checkpointer's thread: copies the write-ahead log back into the database file on a
// connection and thread of its own, so that no commit on the event loop's thread pays for it. A
// plain .mjs file that exists on disk at run time (bundlers do not follow worker-thread entries).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { timeout: 0 });
let warned = false;

const timer = setInterval(() => {
  try {
    // PASSIVE: copies what it can without waiting for readers or writers; the rest goes next time.
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    const busy = typeof err?.code === "string" && err.code.startsWith("SQLITE_BUSY");
    if (!busy && !warned) {
      warned = true;
      parentPort.postMessage({ warning: `SQLite checkpoint failed: ${err.message}` });
    }
  }
}, workerData.intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
