import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/index.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/index.js";
import { databaseConfig, type DatabaseConfig } from "./config";

/**
 * The app's one typed client. Both generated clients come from the same models, so the SQLite
 * client's types describe the PostgreSQL one too.
 */
export type Db = PrismaClient;

export interface Database {
  db: Db;
  config: DatabaseConfig;
}

const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function createDatabase(config: DatabaseConfig = databaseConfig()): Database {
  if (config.dialect === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: poolSize() });
    const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
    return { db, config };
  }
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const adapter = new PrismaBetterSQLite3(
    { url: `file:${config.file}`, timeout: sqliteBusyTimeoutMs() },
    { timestampFormat: "unixepoch-ms" },
  );
  const db = new PrismaClient({ adapter });
  return { db, config };
}

/** How long a statement waits for another connection's write lock before SQLite answers "database is locked". */
function sqliteBusyTimeoutMs(): number {
  const n = Number(process.env.SQLITE_BUSY_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_SQLITE_BUSY_TIMEOUT_MS;
}

function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

const globalForDb = globalThis as unknown as { __tandemDatabase?: Database };

/** The process-wide database (one per process, survives Next.js dev reloads). */
export function getDatabase(): Database {
  globalForDb.__tandemDatabase ??= createDatabase();
  return globalForDb.__tandemDatabase;
}
