// The SQLite bar writer's thread: better-sqlite3 is synchronous, so the import writes its bars here
// while the job's own thread parses the next rows. A plain .mjs file that exists on disk at run
// time, under both `next start` and `npm run worker` (bundlers do not follow worker-thread entries).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** Rows per INSERT statement: one call into SQLite for many rows (under its 32,766-parameter limit). */
const ROWS_PER_INSERT = 200;
const COLUMNS = "(dataset_id, symbol, date, open, high, low, close, volume)";
const ROW_PARAMS = "(?, ?, ?, ?, ?, ?, ?, ?)";

const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma("journal_mode = WAL");
const insertMany = db.prepare(`INSERT INTO price_bars ${COLUMNS} VALUES ${Array(ROWS_PER_INSERT).fill(ROW_PARAMS).join(", ")}`);
const insertOne = db.prepare(`INSERT INTO price_bars ${COLUMNS} VALUES ${ROW_PARAMS}`);
const remove = db.prepare("DELETE FROM price_bars WHERE dataset_id = ?");

/** A batch as packed by sqlite.ts: columns of numbers, NaN for a missing value, symbols by index. */
const params = [];
const writeBatch = db.transaction(({ datasetId, symbols, symbolAt, dates, open, high, low, close, volume }) => {
  const add = (i) => params.push(datasetId, symbols[symbolAt[i]], dates[i], orNull(open[i]), orNull(high[i]), orNull(low[i]), close[i], orNull(volume[i]));
  const count = dates.length;
  let at = 0;
  for (; at + ROWS_PER_INSERT <= count; at += ROWS_PER_INSERT) {
    params.length = 0;
    for (let i = at; i < at + ROWS_PER_INSERT; i++) add(i);
    insertMany.run(params);
  }
  for (; at < count; at++) {
    params.length = 0;
    add(at);
    insertOne.run(params);
  }
});

function orNull(value) {
  return Number.isNaN(value) ? null : value;
}

parentPort.on("message", ({ id, type, batch, datasetId }) => {
  try {
    if (type === "write") writeBatch.immediate(batch);
    else if (type === "clear") remove.run(datasetId);
    else if (type === "close") db.close();
    parentPort.postMessage({ id, ok: true });
    if (type === "close") parentPort.close();
  } catch (err) {
    parentPort.postMessage({ id, ok: false, message: err.message, code: err.code });
  }
});
