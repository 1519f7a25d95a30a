import type { Prisma } from "../../db/generated/sqlite";
import type { JobDialect } from "../dialects/dialect";

export interface Column<Row> {
  name: string;
  value(row: Row): unknown;
  cast?: "jsonb";
}

/**
 * Multi-row INSERTs in as few statements as the database's parameter limit allows. Prisma's
 * createMany spends most of its time per row in the query compiler; bulk enqueue is the
 * registry's hot path, so it writes SQL directly.
 */
export async function insertRows<Row>(
  tx: Prisma.TransactionClient,
  dialect: JobDialect,
  table: string,
  columns: Column<Row>[],
  rows: Row[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(Math.min(dialect.sql.maxParams, 30_000) / columns.length));
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((c) => {
        params.push(c.value(row));
        return dialect.sql.param(params.length, c.cast);
      });
      return `(${placeholders.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, ...params);
  }
}
