import crypto from "node:crypto";
import pg from "pg";
import { withDatabase } from "../../lib/db/testing";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database `tandem_bench_<label>_<random>` on the server; `drop` removes it. */
export async function createBenchDatabase(serverUrl: string, label: string): Promise<BenchDatabase> {
  const name = `tandem_bench_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${crypto.randomBytes(4).toString("hex")}`;
  await query(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => void (await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

export async function query<R extends pg.QueryResultRow>(url: string, sql: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
