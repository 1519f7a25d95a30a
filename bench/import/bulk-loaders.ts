import { execFileSync } from "node:child_process";
import { query } from "../support/postgres";

/** `sqlite3 .import` of the CSV into a plain table of its columns: the embedded database's own bulk path. */
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

export function sqliteVersion(): string {
  return execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0] ?? "?";
}
