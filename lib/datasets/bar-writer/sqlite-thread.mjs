// The SQLite bar writer's thread: better-sqlite3 is synchronous, so the import stores its chunks here
// while the job's own thread parses the next rows. A plain .mjs file that exists on disk at run
// time, under both `next start` and `npm run worker` (bundlers do not follow worker-thread entries).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma("journal_mode = WAL");
const insert = db.prepare(
  "INSERT INTO bar_chunks (dataset_id, symbol, seq, bar_count, first_date, last_date, bars) VALUES (?, ?, ?, ?, ?, ?, ?)",
);
const remove = db.prepare("DELETE FROM bar_chunks WHERE dataset_id = ?");

/** Chunks as packed by lib/datasets/bars (dates as unix ms, like Prisma's). */
const writeChunks = db.transaction((datasetId, chunks) => {
  for (const c of chunks) insert.run(datasetId, c.symbol, c.seq, c.count, c.firstDate, c.lastDate, Buffer.from(c.bars));
});

parentPort.on("message", ({ id, type, datasetId, chunks }) => {
  try {
    if (type === "write") writeChunks.immediate(datasetId, chunks);
    else if (type === "clear") remove.run(datasetId);
    else if (type === "close") db.close();
    // Stored: their buffers go back for the next chunks (freeing them is up to this thread's collector otherwise).
    const buffers = type === "write" ? chunks.map((c) => c.bars) : [];
    parentPort.postMessage({ id, ok: true, buffers }, buffers);
    if (type === "close") parentPort.close();
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: err.message, code: err.code });
  }
});
