import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import type { DatabaseConfig } from "./config";
import { migrate, type MigrateResult } from "./migrate";
import { migrationsDir } from "./migrations";
import { createEmptyTestDatabase, testDialect, type EmptyTestDatabase } from "./testing";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * For tests of one migration on data written before it: `databaseBefore` gives a test an empty
 * database of the suite's dialect, migrated up to just before `migration` (from a copy of the
 * committed history in a temporary folder); `applyMigrations` then applies it and those after it,
 * so that the app's current client reads the result. Both go after the test.
 */
export function setupMigrationTest(migration: string) {
  let database: EmptyTestDatabase | null = null;
  let root: string | null = null;
  afterEach(async () => {
    await database?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
    database = root = null;
  });

  return {
    async databaseBefore(): Promise<{ config: DatabaseConfig; applyMigrations(): Promise<MigrateResult> }> {
      const from = migrationsDir(testDialect(), PROJECT_ROOT);
      if (!fs.existsSync(path.join(from, migration))) throw new Error(`No migration ${migration} in ${from}`);
      const dir = (root = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-migrations-")));
      const to = migrationsDir(testDialect(), dir);
      fs.mkdirSync(to, { recursive: true });
      const copy = (names: string[]) => names.forEach((name) => fs.cpSync(path.join(from, name), path.join(to, name), { recursive: true }));
      copy(fs.readdirSync(from).filter((name) => name < migration));
      database = await createEmptyTestDatabase();
      const { config } = database;
      await migrate(config, dir);
      return {
        config,
        async applyMigrations() {
          copy(fs.readdirSync(from).filter((name) => name >= migration));
          return migrate(config, dir);
        },
      };
    },
  };
}
