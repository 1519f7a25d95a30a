/*
 * Drift check between the models (prisma/schema.prisma), the derived PostgreSQL schema, and the
 * committed migration histories of both databases. Runs on SQLite, and on PostgreSQL under
 * `npm run test:pg`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSchema, diffCatalogs, type Catalog } from "../lib/db/catalog";
import type { DatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { migrationsDir } from "../lib/db/migrations";
import { createEmptyTestDatabase, rawQuery, testDialect, type EmptyTestDatabase } from "../lib/db/testing";
import { MIGRATED_SCHEMA, PARTIAL_INDEXES, POSTGRES_SCHEMA, SOURCE_SCHEMA, deriveSchema, readFile } from "../scripts/prisma-schemas";

const root = path.resolve(import.meta.dirname, "..");
const source = readFile(root, SOURCE_SCHEMA);

describe("one source of truth for the models", () => {
  it("prisma/postgres/schema.prisma is derived from prisma/schema.prisma", () => {
    expect(readFile(root, POSTGRES_SCHEMA), "prisma/postgres/schema.prisma is stale: run npm run db:derive").toBe(
      deriveSchema(source, "postgres"),
    );
  });

  it("no model changed without a migration", () => {
    expect(models(readFile(root, MIGRATED_SCHEMA)), "models changed without a migration: run npm run db:migration -- <name>").toEqual(
      models(source),
    );
  });

  it("both databases have the same migrations", () => {
    const names = (dialect: "sqlite" | "postgres") =>
      fs
        .readdirSync(migrationsDir(dialect, root))
        .filter((n) => fs.existsSync(path.join(migrationsDir(dialect, root), n, "migration.sql")))
        .sort();
    expect(names("sqlite").length, "no migrations in prisma/migrations").toBeGreaterThan(0);
    expect(names("postgres"), "prisma/migrations and prisma/postgres/migrations hold different migrations").toEqual(names("sqlite"));
  });
});

describe(`the committed migrations build the schema the models describe (${testDialect()})`, () => {
  let viaMigrations: EmptyTestDatabase;
  let viaModels: EmptyTestDatabase;
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-drift-"));
    viaMigrations = await createEmptyTestDatabase();
    viaModels = await createEmptyTestDatabase();
    await migrate(viaMigrations.config, root);
    await rawQuery(viaModels.config, fromEmptyScript(testDialect(), tmp));
    await makePartial(viaModels.config);
  });
  afterAll(async () => {
    await viaMigrations?.drop();
    await viaModels?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("a database migrated from empty has the same catalog as one created straight from the models", async () => {
    const dialect = testDialect();
    const migrated = await describeSchema(viaMigrations.config);
    const modelled = await describeSchema(viaModels.config);
    // Not vacuous: the catalog holds exactly the models' tables.
    expect(tablesOf(modelled), "the database built from the models lacks tables").toEqual(tableNames(source));
    const diff = diffCatalogs(migrated, modelled, ["migrations", "models"]);
    expect(
      diff,
      `The committed ${dialect} migrations and prisma/schema.prisma disagree. Create a migration with ` +
        `npm run db:migration -- <name> instead of editing the schema or a migration by hand:\n${diff.join("\n")}\n`,
    ).toEqual([]);
  });

  it("the comparison notices one extra index", async () => {
    const [table, column] = firstColumn(source);
    const before = await describeSchema(viaModels.config);
    await rawQuery(viaModels.config, `CREATE INDEX "drift_probe" ON "${table}" ("${column}")`);
    const diff = diffCatalogs(before, await describeSchema(viaModels.config), ["before", "after"]);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(new RegExp(`^${table}\\.index drift_probe: only in after: `));
  });
});

/** Rebuilds the models' indexes that the migrations make partial (PARTIAL_INDEXES) with their WHERE. */
async function makePartial(config: DatabaseConfig): Promise<void> {
  for (const [name, { table, where }] of Object.entries(PARTIAL_INDEXES)) {
    const [definition] =
      config.dialect === "sqlite"
        ? await rawQuery<{ def: string }>(config, `SELECT sql AS def FROM sqlite_schema WHERE type = 'index' AND name = '${name}' AND tbl_name = '${table}'`)
        : await rawQuery<{ def: string }>(config, `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND indexname = '${name}' AND tablename = '${table}'`);
    expect(definition, `PARTIAL_INDEXES names ${name}, which the models do not declare on ${table}`).toBeDefined();
    await rawQuery(config, `DROP INDEX "${name}"; ${definition!.def} WHERE ${where}`);
  }
}

/** The SQL that creates the models' schema in an empty database (`prisma migrate diff --from-empty`, offline). */
function fromEmptyScript(dialect: "sqlite" | "postgres", tmp: string): string {
  const schemaFile = path.join(tmp, `${dialect}.prisma`);
  fs.writeFileSync(schemaFile, deriveSchema(source, dialect));
  return execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    // prisma.config.ts opens an SQLite adapter; keep it off the app's own data/tandem.db.
    env: { ...process.env, PRISMA_SQLITE_FILE: path.join(tmp, "prisma-cli.db"), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/** The blocks that shape the database (model, enum, view, type), without comments or layout. */
function models(schema: string): Record<string, string> {
  const blocks = schema.match(/^(model|enum|view|type)\s+\w+\s*\{[\s\S]*?^\}/gm) ?? [];
  return Object.fromEntries(
    blocks.map((block) => {
      const lines = block
        .split("\n")
        .map((line) => stripComment(line).trim().replace(/\s+/g, " "))
        .filter(Boolean);
      return [lines[0]!.replace(/\s*\{$/, ""), lines.join("\n")];
    }),
  );
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    else if (!inString && line.startsWith("//", i)) return line.slice(0, i);
  }
  return line;
}

/** The table each model is stored in (@@map, else the model's name), sorted. */
function tableNames(schema: string): string[] {
  return Object.entries(models(schema))
    .filter(([header]) => header.startsWith("model "))
    .map(([header, body]) => body.match(/@@map\("([^"]+)"\)/)?.[1] ?? header.slice("model ".length))
    .sort();
}

function tablesOf(catalog: Catalog): string[] {
  return Object.keys(catalog)
    .filter((key) => catalog[key] === "table")
    .sort();
}

/** Some table and one of its scalar columns, for the negative control. */
function firstColumn(schema: string): [string, string] {
  const [header, body] = Object.entries(models(schema)).find(([h]) => h.startsWith("model "))!;
  const table = body.match(/@@map\("([^"]+)"\)/)?.[1] ?? header.slice("model ".length);
  const idLine = body.split("\n").find((l) => /\s@id\b/.test(l))!;
  const column = idLine.match(/@map\("([^"]+)"\)/)?.[1] ?? idLine.split(" ")[0]!;
  return [table, column];
}
