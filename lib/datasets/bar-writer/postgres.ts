import pg from "pg";
import type { BarWriter } from "./bar-writer";

/** One multi-row INSERT per batch, the columns sent as arrays and unnested by the server. */
export async function openPostgresBarWriter(connectionString: string): Promise<BarWriter> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return {
    async write(datasetId, rows) {
      await client.query(
        `INSERT INTO price_bars (dataset_id, symbol, date, open, high, low, close, volume)
         SELECT $1, * FROM unnest($2::text[], $3::timestamp(3)[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])`,
        [
          datasetId,
          rows.map((r) => r.symbol),
          // ISO without zone: the column is a timestamp without time zone holding UTC, as Prisma writes it.
          rows.map((r) => r.date.toISOString().slice(0, 23)),
          rows.map((r) => r.open),
          rows.map((r) => r.high),
          rows.map((r) => r.low),
          rows.map((r) => r.close),
          rows.map((r) => r.volume),
        ],
      );
    },
    async clear(datasetId) {
      await client.query("DELETE FROM price_bars WHERE dataset_id = $1", [datasetId]);
    },
    async close() {
      await client.end();
    },
  };
}
