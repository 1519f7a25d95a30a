import fs from "node:fs";
import path from "node:path";

/*
 * Prisma holds one provider per schema. The models live once, in prisma/schema.prisma (SQLite);
 * the PostgreSQL schema is derived from it here, and checked for drift by the tests.
 */

export const SOURCE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
/** The models as the committed migrations leave them; new migrations are diffed against it. */
export const MIGRATED_SCHEMA = "prisma/schema.migrated.prisma";

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit.\n";

export function deriveSchema(source: string, dialect: "sqlite" | "postgres"): string {
  if (dialect === "sqlite") return source;
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    // A literal URL: the CLI only needs it to resolve; the app connects through the adapter.
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost:5432/tandem"')
    .replace('output          = "../lib/db/generated/sqlite"', 'output          = "../../lib/db/generated/postgres"');
  if (out.includes('"sqlite"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the shape deriveSchema expects");
  }
  return HEADER + out.replace(/^\/\/ The single source[^\n]*\n\/\/ prisma\/postgres[^\n]*\n/m, "");
}

export function readFile(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), "utf8");
}

export function writeDerivedSchema(root: string): void {
  const target = path.join(root, POSTGRES_SCHEMA);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, deriveSchema(readFile(root, SOURCE_SCHEMA), "postgres"));
}
