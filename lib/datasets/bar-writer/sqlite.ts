import Database from "better-sqlite3";
import type { BarRow } from "../parse";
import type { BarWriter } from "./bar-writer";

const BUSY_TIMEOUT_MS = 10_000;

/** Prepared statements in one IMMEDIATE transaction per batch; dates as unix ms like Prisma's. */
export function openSqliteBarWriter(file: string): BarWriter {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  const insert = db.prepare(
    "INSERT INTO price_bars (dataset_id, symbol, date, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const writeBatch = db.transaction((datasetId: string, rows: BarRow[]) => {
    for (const r of rows) insert.run(datasetId, r.symbol, r.date.getTime(), r.open, r.high, r.low, r.close, r.volume);
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
