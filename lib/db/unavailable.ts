/*
 * Errors that mean the database cannot answer right now (SQLite locked by another writer for
 * longer than the busy timeout, PostgreSQL down, restarting or out of connections), as opposed to
 * a bug: Prisma's P1001/P1002/P1008/P1017/P2024, and the drivers' own codes when an error comes
 * straight from better-sqlite3 or pg.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const DRIVER_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "53300"]);

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const { code, cause } = err as { code?: unknown; cause?: unknown };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || DRIVER_CODES.has(code))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
