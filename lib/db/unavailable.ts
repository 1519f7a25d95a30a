/*
 * Errors that mean the database cannot answer right now (SQLite locked by another writer for
 * longer than the busy timeout, PostgreSQL down, restarting or out of connections), as opposed to
 * a bug: Prisma's P1001/P1002/P1008/P1017/P2024, and the drivers' own codes when an error comes
 * straight from better-sqlite3 or pg.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const DRIVER_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "53300"]);
/** Prisma's driver-adapter error kinds for the same conditions (e.g. a raw query's P2010 on a locked SQLite). */
const ADAPTER_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "ConnectionClosed", "TooManyConnections"]);

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const { code, cause, meta } = err as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } };
  if (typeof code === "string" && (PRISMA_CODES.has(code) || DRIVER_CODES.has(code))) return true;
  const adapter = meta?.driverAdapterError?.cause;
  if (adapter && ((typeof adapter.originalCode === "string" && DRIVER_CODES.has(adapter.originalCode)) || (typeof adapter.kind === "string" && ADAPTER_KINDS.has(adapter.kind)))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
