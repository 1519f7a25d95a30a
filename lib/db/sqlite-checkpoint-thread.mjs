// The SQLite checkpointer's thread: copies the write-ahead log back into the database file on a
// connection and thread of its own, so that no commit on the event loop's thread pays for it. A
// plain .mjs file that exists on disk at run time (bundlers do not follow worker-thread entries).
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs, minFrames } = workerData;
const db = new Database(file, { timeout: 0 });
// Reading makes SQLite open the wal-index (`-shm`) file, whose header says how far the log goes.
db.pragma("schema_version");
const shm = fs.openSync(`${file}-shm`, "r");
const header = Buffer.alloc(100);
const u32 = os.endianness() === "LE" ? (at) => header.readUInt32LE(at) : (at) => header.readUInt32BE(at);
let warned = false;

/**
 * Frames in the log not yet copied back: the wal-index header's mxFrame (offset 16) less the
 * checkpoint info's nBackfill (offset 96), in native byte order (https://www.sqlite.org/walformat.html).
 */
function framesBehind() {
  fs.readSync(shm, header, 0, header.length, 0);
  return u32(16) - u32(96);
}

const timer = setInterval(() => {
  try {
    // A checkpoint ends with an fsync of the database file: one per `minFrames` pages, as SQLite's
    // own automatic checkpoints do, not one per interval. PASSIVE: copies what it can without
    // waiting for readers or writers; the rest goes next time.
    if (framesBehind() >= minFrames) db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    const busy = typeof err?.code === "string" && err.code.startsWith("SQLITE_BUSY");
    if (!busy && !warned) {
      warned = true;
      parentPort.postMessage({ warning: `SQLite checkpoint failed: ${err.message}` });
    }
  }
}, intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  fs.closeSync(shm);
  db.close();
  parentPort.close();
});
