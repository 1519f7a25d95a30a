/*
 * The migration that moved bars from one row each (price_bars) into chunks (bar_chunks), on a
 * database of the suite's dialect holding bars written before it, as the app wrote them then.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { expect, it } from "vitest";
import { createDatabase } from "../../db/client";
import type { DatabaseConfig } from "../../db/config";
import { setupMigrationTest } from "../../db/migration-test";
import { listStoredBars, readSymbolBars } from ".";

const MIGRATION = "20261130120645_bar_chunks";
const DAY = 86_400_000;

const migration = setupMigrationTest(MIGRATION);

interface OldBar {
  dataset: string;
  symbol: string;
  day: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
}

/** Writes datasets and their bars the way the app did before MIGRATION (dates as Prisma stores them). */
async function writeOldBars(config: DatabaseConfig, datasets: string[], bars: OldBar[]): Promise<void> {
  const values = (b: OldBar) => [b.dataset, b.symbol, b.day * DAY, b.open, b.high, b.low, b.close, b.volume];
  if (config.dialect === "sqlite") {
    const db = new Database(config.file);
    const dataset = db.prepare("INSERT INTO datasets (id, name, status, file_name, file_size, sha256, created_at) VALUES (?, 'old', 'ready', 'old.csv', 1, 'x', 0)");
    const bar = db.prepare("INSERT INTO price_bars (dataset_id, symbol, date, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    db.transaction(() => {
      for (const id of datasets) dataset.run(id);
      for (const b of bars) bar.run(values(b));
    })();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    for (const id of datasets) await client.query("INSERT INTO datasets (id, name, status, file_name, file_size, sha256) VALUES ($1, 'old', 'ready', 'old.csv', 1, 'x')", [id]);
    for (let at = 0; at < bars.length; at += 1_000) {
      const slice = bars.slice(at, at + 1_000);
      await client.query(
        `INSERT INTO price_bars (dataset_id, symbol, date, open, high, low, close, volume)
         SELECT d, s, to_timestamp(t / 1000.0) AT TIME ZONE 'UTC', o, h, l, c, v
           FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[]) AS x(d, s, t, o, h, l, c, v)`,
        [0, 1, 2, 3, 4, 5, 6, 7].map((k) => slice.map((b) => values(b)[k])),
      );
    }
  } finally {
    await client.end();
  }
}

it("moves every stored bar into its symbol's chunks of 4,096, dates ascending, values and missing values kept", async () => {
  const { config, applyMigrations } = await migration.databaseBefore();

  const long: OldBar[] = Array.from({ length: 4_096 + 904 }, (_, i) => ({
    dataset: "d1",
    symbol: "LONG",
    day: 1_000 + i,
    open: i % 7 === 0 ? null : 10 + i / 8,
    high: i % 7 === 0 ? null : 11 + i / 8,
    low: i % 7 === 0 ? null : 9 + i / 8,
    close: 0.1 + i * 0.30000000000000004,
    volume: i % 3 === 0 ? null : i * 1_000_003,
  }));
  const short: OldBar[] = [
    { dataset: "d1", symbol: "ÄPFEL", day: 5, open: 1e-7, high: 2.5e-7, low: 1e-7, close: 1.5e-7, volume: 0 },
    { dataset: "d1", symbol: "ÄPFEL", day: -3, open: null, high: null, low: null, close: 123456789.123456, volume: 12345678901234 },
  ];
  const other: OldBar[] = [{ dataset: "d2", symbol: "LONG", day: 7, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }];
  // Inserted newest first: the migration orders them itself.
  await writeOldBars(config, ["d1", "d2", "d3"], [...long].reverse().concat(short, other));

  expect((await applyMigrations()).applied[0]).toBe(MIGRATION);

  const { db } = createDatabase(config);
  try {
    const chunks = await db.barChunk.findMany({ orderBy: [{ datasetId: "asc" }, { symbol: "asc" }, { seq: "asc" }] });
    expect(chunks.map((c) => [c.datasetId, c.symbol, c.seq, c.barCount, c.firstDate.getTime() / DAY, c.lastDate.getTime() / DAY])).toEqual([
      ["d1", "LONG", 0, 4_096, 1_000, 1_000 + 4_095],
      ["d1", "LONG", 1, 904, 1_000 + 4_096, 1_000 + 4_999],
      ["d1", "ÄPFEL", 0, 2, -3, 5],
      ["d2", "LONG", 0, 1, 7, 7],
    ]);
    const asStored = (bars: OldBar[]) =>
      bars.map(({ symbol, day, open, high, low, close, volume }) => ({ symbol, date: new Date(day * DAY), open, high, low, close, volume }));
    expect(await listStoredBars(db, "d1", "LONG")).toEqual(asStored(long));
    expect(await listStoredBars(db, "d1", "ÄPFEL")).toEqual(asStored([short[1]!, short[0]!]));
    expect(await listStoredBars(db, "d2")).toEqual(asStored(other));
    expect((await readSymbolBars(db, "d1", "LONG", { from: 5_090 * DAY, to: 5_100 * DAY })).count).toBe(11);
    expect(await db.barChunk.count({ where: { datasetId: "d3" } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
}, 60_000);
