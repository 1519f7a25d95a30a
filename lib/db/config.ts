import path from "node:path";

export type Dialect = "sqlite" | "postgres";

export type DatabaseConfig =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string };

export const DEFAULT_SQLITE_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "tandem.db");

/**
 * Reads which database to use from a URL: `postgres://` / `postgresql://` selects PostgreSQL,
 * `file:PATH` (or nothing) selects the embedded SQLite file.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { dialect: "sqlite", file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: "postgres", url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    return { dialect: "sqlite", file: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file) };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(":")[0]}:…")`,
  );
}

export function databaseConfig(): DatabaseConfig {
  return parseDatabaseUrl(process.env.DATABASE_URL);
}
