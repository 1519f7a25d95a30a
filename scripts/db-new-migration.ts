/*
 * Creates one migration for each database from the change to prisma/schema.prisma since the last
 * migration: `npm run db:migration -- add_datasets`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDir } from "../lib/db/migrations";
import { MIGRATED_SCHEMA, SOURCE_SCHEMA, deriveSchema, readFile, writeDerivedSchema } from "./prisma-schemas";

const root = process.cwd();
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

writeDerivedSchema(root);
const source = readFile(root, SOURCE_SCHEMA);
const migrated = fs.existsSync(path.join(root, MIGRATED_SCHEMA)) ? readFile(root, MIGRATED_SCHEMA) : null;
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-migration-"));

for (const dialect of ["sqlite", "postgres"] as const) {
  const to = path.join(tmp, `${dialect}-to.prisma`);
  fs.writeFileSync(to, deriveSchema(source, dialect));
  const fromArgs = migrated
    ? ["--from-schema-datamodel", writeTemp(`${dialect}-from.prisma`, deriveSchema(migrated, dialect))]
    : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${dialect}: no change to the models; nothing to do`);
    process.exit(0);
  }
  const dir = path.join(migrationsDir(dialect, root), `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`${dialect}: ${path.relative(root, dir)}/migration.sql`);
}
fs.copyFileSync(path.join(root, SOURCE_SCHEMA), path.join(root, MIGRATED_SCHEMA));

function writeTemp(file: string, text: string): string {
  const p = path.join(tmp, file);
  fs.writeFileSync(p, text);
  return p;
}
