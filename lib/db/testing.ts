import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { createDatabase, type Database } from "./client";
import type { DatabaseConfig } from "./config";
import { migrate } from "./migrate";

export interface TestDatabase extends Database {
  /** The URL other processes (workers under test) use to reach this database. */
  url: string;
  drop(): Promise<void>;
}

/** Which database the suite runs against: PostgreSQL when TEST_DIALECT=postgres, else SQLite. */
export function testDialect(): "sqlite" | "postgres" {
  return process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
}

export interface EmptyTestDatabase {
  config: DatabaseConfig;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database for one test: a temporary SQLite file, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createEmptyTestDatabase(): Promise<EmptyTestDatabase> {
  if (testDialect() === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-"));
    const file = path.join(dir, "test.db");
    return { config: { dialect: "sqlite", file }, url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DIALECT=postgres needs TEST_DATABASE_URL (a PostgreSQL URL)");
  const name = `tandem_test_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  return {
    config: { dialect: "postgres", url },
    url,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh, migrated database with a client, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase();
  await migrate(empty.config);
  const database = createDatabase(empty.config);
  return {
    ...database,
    url: empty.url,
    async drop() {
      await database.db.$disconnect();
      await empty.drop();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** SQL on a test database through its driver, outside Prisma: the rows of a SELECT, none otherwise. */
export async function rawQuery<T>(config: DatabaseConfig, sql: string): Promise<T[]> {
  if (config.dialect === "sqlite") {
    const db = new SqliteDatabase(config.file);
    try {
      return /^\s*select/i.test(sql) ? (db.prepare(sql).all() as T[]) : (db.exec(sql), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot reach PostgreSQL at TEST_DATABASE_URL: ${(err as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
