import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "./config";

/**
 * A database's schema as read back from its catalog: one entry per table, column, index, foreign
 * key or constraint (and enum type on PostgreSQL), keyed like `users.column email`, valued by
 * everything that matters about it. Prisma's `_prisma_migrations` history table is left out.
 * Column order is not part of it: a migration that adds a column appends it, while a database
 * built from the models has it where the model declares it, and both are the same schema.
 */
export type Catalog = Record<string, string>;

export async function describeSchema(config: DatabaseConfig): Promise<Catalog> {
  return config.dialect === "sqlite" ? describeSqlite(config.file) : describePostgres(config.url);
}

/** The entries two catalogs disagree on, one line each, ready for a test's failure message. */
export function diffCatalogs(a: Catalog, b: Catalog, names: [string, string] = ["a", "b"]): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const lines: string[] = [];
  for (const key of keys) {
    if (a[key] === b[key]) continue;
    if (b[key] === undefined) lines.push(`${key}: only in ${names[0]}: ${a[key]}`);
    else if (a[key] === undefined) lines.push(`${key}: only in ${names[1]}: ${b[key]}`);
    else lines.push(`${key}:\n    ${names[0]}: ${a[key]}\n    ${names[1]}: ${b[key]}`);
  }
  return lines;
}

const IGNORED_TABLES = ["_prisma_migrations", "sqlite_sequence"];

function describeSqlite(file: string): Catalog {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const catalog: Catalog = {};
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    for (const { name: table } of tables) {
      if (IGNORED_TABLES.includes(table)) continue;
      catalog[`${table}`] = "table";
      const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as { name: string }[];
      for (const { name, ...rest } of columns) catalog[`${table}.column ${name}`] = JSON.stringify(rest);
      const indexes = db.prepare(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`).all(table) as { name: string }[];
      for (const { name, ...rest } of indexes) {
        const columns = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(name) as { name: string | null }[]).map((c) => c.name);
        catalog[`${table}.index ${name}`] = JSON.stringify({ ...rest, columns });
      }
      const foreignKeys = db
        .prepare(`SELECT id, seq, "table", "from", "to", on_update, on_delete, "match" FROM pragma_foreign_key_list(?) ORDER BY id, seq`)
        .all(table) as { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string; match: string }[];
      // Grouped by constraint and keyed by its columns: the numbering of foreign keys is an accident of the DDL.
      const byId = new Map<number, typeof foreignKeys>();
      for (const fk of foreignKeys) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
      for (const parts of byId.values()) {
        const { table: references, on_update, on_delete, match } = parts[0]!;
        const from = parts.map((p) => p.from).join(", ");
        catalog[`${table}.foreign key (${from})`] = JSON.stringify({ references, to: parts.map((p) => p.to), on_update, on_delete, match });
      }
    }
    return catalog;
  } finally {
    db.close();
  }
}

async function describePostgres(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Catalog = {};
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    for (const { table_name } of tables.rows) if (!IGNORED_TABLES.includes(table_name)) catalog[table_name] = "table";

    const columns = await client.query<Record<string, string | number | null>>(
      `SELECT table_name, column_name, udt_name, character_maximum_length, numeric_precision, numeric_scale,
              datetime_precision, is_nullable, column_default, is_identity, is_generated
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const { table_name, column_name, ...rest } of columns.rows) {
      if (!IGNORED_TABLES.includes(String(table_name))) catalog[`${table_name}.column ${column_name}`] = JSON.stringify(rest);
    }

    const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    for (const { tablename, indexname, indexdef } of indexes.rows) {
      if (IGNORED_TABLES.includes(tablename)) continue;
      catalog[`${tablename}.index ${indexname}`] = indexdef.replace(/ ON (ONLY )?public\./, " ON $1");
    }

    const constraints = await client.query<{ table_name: string; conname: string; contype: string; definition: string }>(
      `SELECT c.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE con.connamespace = 'public'::regnamespace`,
    );
    for (const { table_name, conname, contype, definition } of constraints.rows) {
      if (IGNORED_TABLES.includes(table_name)) continue;
      catalog[`${table_name}.constraint ${conname}`] = `${contype}: ${definition.replace(/REFERENCES public\./g, "REFERENCES ")}`;
    }

    const enums = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
    );
    for (const { typname, labels } of enums.rows) catalog[`enum ${typname}`] = JSON.stringify(labels);
    return catalog;
  } finally {
    await client.end();
  }
}
