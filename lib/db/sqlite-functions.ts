import type Database from "better-sqlite3";

/**
 * SQL functions SQLite lacks that migrations use (PostgreSQL has their equivalents built in).
 *
 * `pack_float64_columns(a, b, … ORDER BY …)`: the aggregated rows' values column by column — every
 * row's `a`, then every row's `b`, … — as big-endian float64, NaN for NULL. PostgreSQL builds the
 * same bytes with `string_agg(float8send(a), '' ORDER BY …) || …`.
 */
export function registerMigrationFunctions(db: Database.Database): void {
  db.aggregate("pack_float64_columns", {
    varargs: true,
    start: () => [] as unknown[][],
    step: (rows: unknown[][], ...values: unknown[]) => (rows.push(values), rows),
    result: (rows: unknown[][]) => {
      const columns = rows[0]?.length ?? 0;
      const blob = Buffer.alloc(rows.length * columns * 8);
      let at = 0;
      for (let c = 0; c < columns; c++) {
        for (const row of rows) at = blob.writeDoubleBE(row[c] === null ? NaN : Number(row[c]), at);
      }
      return blob;
    },
  });
}
