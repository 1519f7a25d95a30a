import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseConfig, type DatabaseConfig } from "./config";
import { readMigrations, type Migration } from "./migrations";
import { registerMigrationFunctions } from "./sqlite-functions";

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/*
 * Applies the committed migration history directly through the database driver and records each
 * migration in `_prisma_migrations` (Prisma's own table and columns, so `prisma migrate status`
 * agrees). Prisma's own `migrate deploy` is not used: through @prisma/adapter-pg it fails
 * (prisma/orm#27403), and one runner for both databases keeps one behaviour.
 * Safe to run from several processes at once: PostgreSQL takes an advisory lock, SQLite an
 * immediate (write) transaction.
 */
export async function migrate(
  config: DatabaseConfig = databaseConfig(),
  root = process.cwd(),
): Promise<MigrateResult> {
  const migrations = readMigrations(config.dialect, root);
  return config.dialect === "sqlite"
    ? migrateSqlite(config.file, migrations)
    : migratePostgres(config.url, migrations);
}

const HISTORY_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const HISTORY_TABLE_POSTGRES = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

// Arbitrary constant key for pg_advisory_lock, shared by every Tandem process.
const POSTGRES_MIGRATION_LOCK = 7_253_601;

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied (checksum differs). ` +
          `Add a new migration instead of editing an applied one.`,
      );
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function migrateSqlite(file: string, migrations: Migration[]): MigrateResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 30_000 });
  registerMigrationFunctions(db);
  try {
    db.pragma("journal_mode = WAL");
    // Prisma redefines a SQLite table by copying it, dropping the old one and renaming the copy,
    // between `PRAGMA foreign_keys=OFF` and `=ON`. Those pragmas do nothing inside a transaction,
    // so they are applied here, outside it: with foreign keys on, the DROP would cascade and delete
    // every row that references the table (all jobs of all users when `users` is redefined).
    // The transaction below checks the references before it commits instead.
    db.pragma("foreign_keys = OFF");
    db.exec(HISTORY_TABLE_SQLITE);
    const run = db.transaction(() => {
      const rows = db
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
        .all() as { migration_name: string; checksum: string }[];
      const todo = pending(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
      const record = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const m of todo) {
        const startedAt = Date.now();
        db.exec(m.sql);
        record.run(crypto.randomUUID(), m.checksum, m.name, startedAt, Date.now());
      }
      const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
      if (broken.length > 0) {
        const where = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
        throw new Error(`Migrations ${todo.map((m) => m.name).join(", ")} leave rows with broken references (${where}); nothing was applied.`);
      }
      return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await client.query(HISTORY_TABLE_POSTGRES);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const todo = pending(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        const startedAt = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 1)`,
          [crypto.randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
