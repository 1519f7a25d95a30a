import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing";
import { BARS_PER_CHUNK, countStoredBars, listStoredBars, readSymbolBars } from "../bars";
import type { BarRow } from "../parse";
import { openBarWriter, type BarWriter } from ".";

let database: TestDatabase;
const writers: BarWriter[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
  await database.drop();
});

async function writerFor(datasetId: string): Promise<BarWriter> {
  const writer = await openBarWriter(database.config, datasetId);
  writers.push(writer);
  return writer;
}

async function createDatasetRow(): Promise<string> {
  const dataset = await database.db.dataset.create({ data: { name: "bars", fileName: "bars.csv", fileSize: 1n, sha256: "x" } });
  return dataset.id;
}

const DAY = 86_400_000;
const START = Date.UTC(1950, 0, 2);

/** `count` daily bars of one symbol from 1950-01-02, close = 1 + index / 100, some values missing. */
function bars(count: number, symbol = "S"): BarRow[] {
  return Array.from({ length: count }, (_, i) => ({
    symbol,
    date: new Date(START + i * DAY),
    open: i % 5 === 0 ? null : 1 + i / 100,
    high: i % 5 === 0 ? null : 2 + i / 100,
    low: i % 5 === 0 ? null : i / 100,
    close: 1 + i / 100,
    volume: i % 3 === 0 ? null : i,
  }));
}

async function writeAll(writer: BarWriter, rows: BarRow[], batchSize = 5_000): Promise<void> {
  for (let at = 0; at < rows.length; at += batchSize) await writer.write(rows.slice(at, at + batchSize));
}

const byDate = (rows: BarRow[]) => [...rows].sort((a, b) => a.date.getTime() - b.date.getTime());

describe("the bar writer", () => {
  it("stores every bar exactly once, in chunks per symbol, whatever order the file gave", async () => {
    const datasetId = await createDatasetRow();
    const a = bars(3 * BARS_PER_CHUNK + 17, "A");
    const b = bars(1_000, "B");
    // B's bars newest first and interleaved with A's.
    const rows = a.flatMap((bar, i) => (i < b.length ? [bar, b[b.length - 1 - i]!] : [bar]));
    const writer = await writerFor(datasetId);
    await writeAll(writer, rows);
    await writer.finish();

    expect(await countStoredBars(database.db, datasetId)).toBe(rows.length);
    const chunks = await database.db.barChunk.findMany({ where: { datasetId }, orderBy: [{ symbol: "asc" }, { seq: "asc" }] });
    expect(chunks.map((c) => [c.symbol, c.seq, c.barCount])).toEqual([
      ["A", 0, BARS_PER_CHUNK],
      ["A", 1, BARS_PER_CHUNK],
      ["A", 2, BARS_PER_CHUNK],
      ["A", 3, 17],
      ["B", 0, 1_000],
    ]);
    expect(chunks.map((c) => [c.firstDate.getTime(), c.lastDate.getTime()])[3]).toEqual([START + 3 * BARS_PER_CHUNK * DAY, START + (a.length - 1) * DAY]);
    expect(await listStoredBars(database.db, datasetId)).toEqual([...a, ...b]);
  });

  it("reads a symbol's bars back by date range, across chunk boundaries", async () => {
    const datasetId = await createDatasetRow();
    const rows = bars(2 * BARS_PER_CHUNK + 100);
    const writer = await writerFor(datasetId);
    await writeAll(writer, [...bars(50, "OTHER"), ...byDate(rows).reverse()]);
    await writer.finish();

    const all = await readSymbolBars(database.db, datasetId, "S");
    expect(all.count).toBe(rows.length);
    expect(Array.from(all.dates)).toEqual(rows.map((r) => r.date.getTime()));
    expect(Array.from(all.close)).toEqual(rows.map((r) => r.close));
    expect(Array.from(all.open, (v) => (Number.isNaN(v) ? null : v))).toEqual(rows.map((r) => r.open));

    const from = BARS_PER_CHUNK - 10;
    const to = BARS_PER_CHUNK + 10;
    const part = await readSymbolBars(database.db, datasetId, "S", { from: rows[from]!.date.getTime(), to: rows[to]!.date.getTime() });
    expect(Array.from(part.dates)).toEqual(rows.slice(from, to + 1).map((r) => r.date.getTime()));
    expect((await readSymbolBars(database.db, datasetId, "NONE")).count).toBe(0);
  });

  it("fails when the database refuses the bars (no such dataset), keeps none of them, and a writer for a real dataset still works", async () => {
    const missing = crypto.randomUUID();
    const refused = await writerFor(missing);
    const attempt = (async () => {
      await writeAll(refused, bars(60_000));
      await refused.finish();
    })();
    await expect(attempt).rejects.toThrow(/foreign key/i);
    await refused.clear();
    expect(await countStoredBars(database.db)).toBe(0);

    const datasetId = await createDatasetRow();
    const writer = await writerFor(datasetId);
    await writeAll(writer, bars(1_000));
    await writer.finish();
    expect(await countStoredBars(database.db, datasetId)).toBe(1_000);
  });

  it("clear drops what an unfinished write sent and what earlier ones stored, and the next attempt starts from nothing", async () => {
    const datasetId = await createDatasetRow();
    const writer = await writerFor(datasetId);
    await writeAll(writer, bars(70_000));
    await writer.clear();
    expect(await countStoredBars(database.db, datasetId)).toBe(0);

    await writeAll(writer, bars(5_000));
    await writer.finish();
    expect(await countStoredBars(database.db, datasetId)).toBe(5_000);
  });
});
