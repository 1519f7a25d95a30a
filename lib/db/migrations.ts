import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Dialect } from "./config";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(dialect: Dialect, root = process.cwd()): string {
  return dialect === "sqlite"
    ? path.join(root, "prisma", "migrations")
    : path.join(root, "prisma", "postgres", "migrations");
}

/** The committed migration history of one dialect, oldest first. */
export function readMigrations(dialect: Dialect, root = process.cwd()): Migration[] {
  const dir = migrationsDir(dialect, root);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}
