import Database from "better-sqlite3";
import type { BarRow } from "../parse";
import type { BarWriter } from "./bar-writer";

const BUSY_TIMEOUT_MS = 10_000;
/** Rows per INSERT statement: one call into SQLite for many rows (under its 32,766-parameter limit). */
const ROWS_PER_INSERT = 200;
const COLUMNS = "(dataset_id, symbol, date, open, high, low, close, volume)";
const ROW_PARAMS = "(?, ?, ?, ?, ?, ?, ?, ?)";

/** Multi-row prepared INSERTs in one IMMEDIATE transaction per batch; dates as unix ms like Prisma's. */
export function openSqliteBarWriter(file: string): BarWriter {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  const insertMany = db.prepare(`INSERT INTO price_bars ${COLUMNS} VALUES ${Array(ROWS_PER_INSERT).fill(ROW_PARAMS).join(", ")}`);
  const insertOne = db.prepare(`INSERT INTO price_bars ${COLUMNS} VALUES ${ROW_PARAMS}`);
  const params: unknown[] = [];
  const writeBatch = db.transaction((datasetId: string, rows: BarRow[]) => {
    let at = 0;
    for (; at + ROWS_PER_INSERT <= rows.length; at += ROWS_PER_INSERT) {
      params.length = 0;
      for (let i = at; i < at + ROWS_PER_INSERT; i++) {
        const r = rows[i]!;
        params.push(datasetId, r.symbol, r.date.getTime(), r.open, r.high, r.low, r.close, r.volume);
      }
      insertMany.run(params);
    }
    for (const r of rows.slice(at)) insertOne.run(datasetId, r.symbol, r.date.getTime(), r.open, r.high, r.low, r.close, r.volume);
  });
  const remove = db.prepare("DELETE FROM price_bars WHERE dataset_id = ?");
  return {
    async write(datasetId, rows) {
      writeBatch.immediate(datasetId, rows);
    },
    async finish() {},
    async clear(datasetId) {
      remove.run(datasetId);
    },
    async close() {
      db.close();
    },
  };
}
