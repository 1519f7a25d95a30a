import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing";
import type { BarRow } from "../parse";
import { openBarWriter, type BarWriter } from ".";

let database: TestDatabase;
let writer: BarWriter;

beforeEach(async () => {
  database = await createTestDatabase();
  writer = await openBarWriter(database.config);
});
afterEach(async () => {
  await writer.close();
  await database.drop();
});

async function createDatasetRow(): Promise<string> {
  const dataset = await database.db.dataset.create({ data: { name: "bars", fileName: "bars.csv", fileSize: 1n, sha256: "x" } });
  return dataset.id;
}

/** `count` daily bars of one symbol from 1950-01-02, close = 1 + index / 100. */
function bars(count: number, symbol = "S"): BarRow[] {
  return Array.from({ length: count }, (_, i) => ({
    symbol,
    date: new Date(Date.UTC(1950, 0, 2) + i * 86_400_000),
    open: null,
    high: null,
    low: null,
    close: 1 + i / 100,
    volume: i % 3 === 0 ? null : i,
  }));
}

async function writeAll(datasetId: string, rows: BarRow[], batchSize = 5_000): Promise<void> {
  for (let at = 0; at < rows.length; at += batchSize) await writer.write(datasetId, rows.slice(at, at + batchSize));
}

describe("the bar writer", () => {
  it("stores every bar exactly once, across as many database statements as it takes", async () => {
    const datasetId = await createDatasetRow();
    const rows = bars(120_000);
    await writeAll(datasetId, rows);
    await writer.finish();
    expect(await database.db.priceBar.count({ where: { datasetId } })).toBe(rows.length);
    for (const i of [0, 49_999, 50_000, 119_999]) {
      const stored = await database.db.priceBar.findUniqueOrThrow({ where: { datasetId_symbol_date: { datasetId, symbol: "S", date: rows[i]!.date } } });
      expect([stored.close, stored.volume, stored.open]).toEqual([rows[i]!.close, rows[i]!.volume, null]);
    }
  });

  it("fails when the database refuses the bars (no such dataset), keeps none of them, and works again after clear", async () => {
    const missing = crypto.randomUUID();
    const attempt = (async () => {
      await writeAll(missing, bars(60_000));
      await writer.finish();
    })();
    await expect(attempt).rejects.toThrow(/foreign key/i);
    await writer.clear(missing);
    expect(await database.db.priceBar.count()).toBe(0);

    const datasetId = await createDatasetRow();
    await writeAll(datasetId, bars(1_000));
    await writer.finish();
    expect(await database.db.priceBar.count({ where: { datasetId } })).toBe(1_000);
  });

  it("clear drops what an unfinished write sent and what earlier ones stored", async () => {
    const datasetId = await createDatasetRow();
    await writeAll(datasetId, bars(70_000));
    await writer.clear(datasetId);
    expect(await database.db.priceBar.count({ where: { datasetId } })).toBe(0);
  });
});
