/*
 * The migration runner (lib/db/migrate.ts) on a fresh database of the suite's dialect: a temporary
 * SQLite file, or a throwaway database on TEST_DATABASE_URL's server (TEST_DIALECT=postgres).
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseConfig } from "./config";
import { migrate, type MigrateResult } from "./migrate";
import { migrationsDir, readMigrations } from "./migrations";
import { createEmptyTestDatabase, rawQuery, testDialect, type EmptyTestDatabase } from "./testing";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const dialect = testDialect();
const committed = readMigrations(dialect, projectRoot).map((m) => m.name);

let database: EmptyTestDatabase | null = null;
let tmpRoot: string | null = null;
afterEach(async () => {
  await database?.drop();
  database = null;
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = null;
});

async function freshDatabase(): Promise<DatabaseConfig> {
  database = await createEmptyTestDatabase();
  return database.config;
}

/** A project root holding a copy of the committed migrations, which a test may add to or edit. */
function copyOfMigrations(): string {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-migrations-"));
  fs.cpSync(migrationsDir(dialect, projectRoot), migrationsDir(dialect, tmpRoot), { recursive: true });
  return tmpRoot;
}

function addMigration(root: string, name: string, sql: string): void {
  const dir = path.join(migrationsDir(dialect, root), name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
}

/** `_prisma_migrations`: how often each migration is recorded as applied. */
async function history(config: DatabaseConfig): Promise<Record<string, number>> {
  const rows = await rawQuery<{ migration_name: string; checksum: string; finished_at: unknown }>(
    config,
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const counts: Record<string, number> = {};
  for (const row of rows) {
    expect(row.finished_at, `${row.migration_name} is recorded as finished`).not.toBeNull();
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    counts[row.migration_name] = (counts[row.migration_name] ?? 0) + 1;
  }
  return counts;
}

const once = (names: string[]) => Object.fromEntries(names.map((n) => [n, 1]));

async function tableExists(config: DatabaseConfig, table: string): Promise<boolean> {
  const sql =
    config.dialect === "sqlite"
      ? `SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '${table}'`
      : `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${table}'`;
  return (await rawQuery(config, sql)).length === 1;
}

describe(`migrate (${dialect})`, () => {
  it("applies every committed migration on a fresh database, then nothing on the next start", async () => {
    const config = await freshDatabase();
    expect(committed.length).toBeGreaterThan(0);
    expect(await migrate(config, projectRoot)).toEqual({ applied: committed, alreadyApplied: 0 });
    expect(await migrate(config, projectRoot)).toEqual({ applied: [], alreadyApplied: committed.length });
    expect(await history(config)).toEqual(once(committed));
  });

  it("applies a new migration exactly once", async () => {
    const config = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(config, root);
    addMigration(root, "29991231000000_add_notes", `CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY, "text" TEXT);`);
    expect(await migrate(config, root)).toEqual({ applied: ["29991231000000_add_notes"], alreadyApplied: committed.length });
    expect(await migrate(config, root)).toEqual({ applied: [], alreadyApplied: committed.length + 1 });
    expect(await tableExists(config, "notes")).toBe(true);
    expect(await history(config)).toEqual(once([...committed, "29991231000000_add_notes"]));
  });

  it("refuses to run when an applied migration was edited, and applies nothing else", async () => {
    const config = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(config, root);
    fs.appendFileSync(path.join(migrationsDir(dialect, root), committed[0]!, "migration.sql"), "\n-- edited\n");
    addMigration(root, "29991231000000_add_notes", `CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    await expect(migrate(config, root)).rejects.toThrow(
      `Migration ${committed[0]} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.`,
    );
    expect(await tableExists(config, "notes")).toBe(false);
    expect(await history(config)).toEqual(once(committed));
  });

  it("leaves no trace of a failing migration, and applies it once it is fixed", async () => {
    const config = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(config, root);
    addMigration(root, "29991231000000_add_notes", `CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\nCREATE TABLE "broken" (;`);
    await expect(migrate(config, root)).rejects.toThrow(/syntax error/);
    expect(await tableExists(config, "notes")).toBe(false);
    expect(await history(config)).toEqual(once(committed));

    addMigration(root, "29991231000000_add_notes", `CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    expect((await migrate(config, root)).applied).toEqual(["29991231000000_add_notes"]);
    expect(await tableExists(config, "notes")).toBe(true);
  });

  it("lets several processes start at once: all succeed and each migration is applied once", async () => {
    const config = await freshDatabase();
    const fixture = path.join(import.meta.dirname, "migrate.fixture.ts");
    const startAt = String(Date.now() + 1_500);
    const run = () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", fixture, JSON.stringify(config), projectRoot, startAt], {
        cwd: projectRoot,
        timeout: 30_000,
      });
    const results = (await Promise.all([run(), run(), run()])).map((r) => JSON.parse(r.stdout) as MigrateResult);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, committed.length]);
    expect(results.find((r) => r.applied.length > 0)?.applied).toEqual(committed);
    expect(await history(config)).toEqual(once(committed));
  });

  it.skipIf(dialect !== "sqlite")("redefining a table (Prisma's copy, drop, rename on SQLite) keeps the rows that reference it", async () => {
    const config = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(config, root);
    const userId = crypto.randomUUID();
    await rawQuery(
      config,
      `INSERT INTO "users" ("id", "email", "password_hash") VALUES ('${userId}', 'a@example.com', 'x');
       INSERT INTO "jobs" ("id", "kind", "name", "owner_id", "payload") VALUES ('job-1', 'k', 'n', '${userId}', '{}');
       INSERT INTO "job_events" ("job_id", "type") VALUES ('job-1', 'queued');`,
    );
    // The statements `prisma migrate diff` writes when a SQLite column changes in a way ALTER TABLE cannot express.
    const create = (await rawQuery<{ sql: string }>(config, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'users'`))[0]!.sql;
    const indexes = await rawQuery<{ sql: string }>(config, `SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL`);
    addMigration(
      root,
      "29991231000000_redefine_users",
      [
        "PRAGMA defer_foreign_keys=ON;",
        "PRAGMA foreign_keys=OFF;",
        `${create.replace(/^CREATE TABLE "users"/, 'CREATE TABLE "new_users"')};`,
        `INSERT INTO "new_users" SELECT * FROM "users";`,
        `DROP TABLE "users";`,
        `ALTER TABLE "new_users" RENAME TO "users";`,
        ...indexes.map((i) => `${i.sql};`),
        "PRAGMA foreign_keys=ON;",
        "PRAGMA defer_foreign_keys=OFF;",
      ].join("\n"),
    );
    expect((await migrate(config, root)).applied).toEqual(["29991231000000_redefine_users"]);
    expect(await rawQuery(config, `SELECT "id" FROM "users"`)).toEqual([{ id: userId }]);
    expect(await rawQuery(config, `SELECT "id", "owner_id" FROM "jobs"`)).toEqual([{ id: "job-1", owner_id: userId }]);
    expect(await rawQuery(config, `SELECT "job_id" FROM "job_events"`)).toEqual([{ job_id: "job-1" }]);
  });

  it.skipIf(dialect !== "sqlite")("refuses migrations that leave broken references, and applies none of them", async () => {
    const config = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(config, root);
    addMigration(root, "29991231000000_add_notes", `CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);`);
    addMigration(root, "29991231000001_orphan_job", `INSERT INTO "jobs" ("id", "kind", "name", "owner_id", "payload") VALUES ('j', 'k', 'n', 'nobody', '{}');`);
    await expect(migrate(config, root)).rejects.toThrow(/leave rows with broken references \(jobs → users\); nothing was applied/);
    expect(await tableExists(config, "notes")).toBe(false);
    expect(await history(config)).toEqual(once(committed));
  });
});
