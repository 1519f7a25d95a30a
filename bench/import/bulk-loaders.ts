import { execFileSync } from "node:child_process";
import { query } from "../support/postgres";

/** `sqlite3 .import` of the CSV into a table shaped like price_bars: the embedded database's own bulk path. */
export function sqliteImport(dbFile: string, csv: string): number {
  execFileSync("sqlite3", [dbFile, "CREATE TABLE bulk (symbol TEXT, date TEXT, open REAL, high REAL, low REAL, close REAL, volume REAL);"]);
  const started = performance.now();
  execFileSync("sqlite3", [dbFile, ".mode csv", `.import --skip 1 ${csv} bulk`]);
  return (performance.now() - started) / 1000;
}

/** `COPY … FROM STDIN` through psql's \copy: PostgreSQL's own bulk path. */
export async function postgresCopy(url: string, csv: string): Promise<number> {
  await query(url, "CREATE TABLE bulk (symbol TEXT, date DATE, open FLOAT8, high FLOAT8, low FLOAT8, close FLOAT8, volume FLOAT8)");
  const started = performance.now();
  execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bulk FROM '${csv}' WITH (FORMAT csv, HEADER true)`], { stdio: "ignore" });
  return (performance.now() - started) / 1000;
}

const DATASET_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The same loader into a table of price_bars' shape: its primary key (dataset, symbol, date) and
 * its foreign key to datasets, checked (better-sqlite3, which Tandem uses, turns them on). SQLite's
 * `.import` fills every column, so it loads a plain table and one INSERT … SELECT moves the rows.
 */
export function sqliteImportKeyed(dbFile: string, csv: string): number {
  execFileSync("sqlite3", [
    dbFile,
    `CREATE TABLE datasets (id TEXT PRIMARY KEY); INSERT INTO datasets VALUES ('${DATASET_ID}');
     CREATE TABLE bars (dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE, symbol TEXT NOT NULL, date INTEGER NOT NULL,
                        open REAL, high REAL, low REAL, close REAL NOT NULL, volume REAL, PRIMARY KEY (dataset_id, symbol, date));
     CREATE TABLE bulk (symbol TEXT, date TEXT, open REAL, high REAL, low REAL, close REAL, volume REAL);`,
  ]);
  const started = performance.now();
  execFileSync("sqlite3", [dbFile, "PRAGMA foreign_keys = ON;", ".mode csv", `.import --skip 1 ${csv} bulk`, `INSERT INTO bars SELECT '${DATASET_ID}', * FROM bulk;`]);
  return (performance.now() - started) / 1000;
}

/** COPY into a table of price_bars' shape: its primary key and its foreign key to datasets, checked row by row. */
export async function postgresCopyKeyed(url: string, csv: string): Promise<number> {
  await query(url, `CREATE TABLE datasets (id TEXT PRIMARY KEY); INSERT INTO datasets VALUES ('${DATASET_ID}')`);
  await query(
    url,
    `CREATE TABLE bars (dataset_id TEXT NOT NULL DEFAULT '${DATASET_ID}' REFERENCES datasets (id) ON DELETE CASCADE, symbol TEXT NOT NULL,
                        date TIMESTAMP(3) NOT NULL, open FLOAT8, high FLOAT8, low FLOAT8, close FLOAT8 NOT NULL, volume FLOAT8,
                        PRIMARY KEY (dataset_id, symbol, date))`,
  );
  const started = performance.now();
  execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bars (symbol, date, open, high, low, close, volume) FROM '${csv}' WITH (FORMAT csv, HEADER true)`], { stdio: "ignore" });
  return (performance.now() - started) / 1000;
}

export function sqliteVersion(): string {
  return execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0] ?? "?";
}
