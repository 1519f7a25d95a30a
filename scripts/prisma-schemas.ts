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

/**
 * Indexes the models declare that the migrations make partial, holding only the rows the queries
 * using them ask for (Prisma 6's schema language has no WHERE for an index). A row outside the
 * predicate costs its index nothing when it changes: a job's claim and completion each rewrite its
 * entry in every index it is in.
 */
export const PARTIAL_INDEXES: Record<string, { table: string; where: string }> = {
  jobs_status_priority_run_at_id_idx: { table: "jobs", where: `"status" = 'queued'` },
  jobs_owner_id_idempotency_key_key: { table: "jobs", where: `"idempotency_key" IS NOT NULL` },
  jobs_batch_id_idx: { table: "jobs", where: `"batch_id" IS NOT NULL` },
  jobs_finished_at_idx: { table: "jobs", where: `"finished_at" IS NOT NULL` },
  jobs_owner_id_finished_at_idx: { table: "jobs", where: `"finished_at" IS NOT NULL AND "owner_id" IS NOT NULL` },
  // Queries by owner compare owner_id with a value, which no job without an owner matches.
  jobs_owner_id_status_created_at_id_idx: { table: "jobs", where: `"owner_id" IS NOT NULL` },
};

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
