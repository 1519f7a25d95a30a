import fs from "node:fs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-format-error";
import { readBars } from "./read-bars";
import { chunked, fixture, FIXTURES } from "./test-support";
import type { BarRow, ImportReport } from "./types";

const samples = fs
  .readdirSync(FIXTURES)
  .map((name) => fixture(name))
  .filter((bytes) => bytes.length > 0);
samples.push(iconv.encode(fixture("akshare-with-code.csv").toString("utf8"), "gbk"));

type Outcome = { report: ImportReport; bars: BarRow[] } | { error: DatasetFormatError };

/** Reads the bytes to the end; any error but a DatasetFormatError fails the property. */
async function read(bytes: Uint8Array, chunkSize: number, symbol: string | undefined): Promise<Outcome> {
  const reader = readBars(chunked(bytes, chunkSize), { symbol, batchSize: 7 });
  const bars: BarRow[] = [];
  try {
    for await (const batch of reader) bars.push(...batch);
  } catch (error) {
    if (error instanceof DatasetFormatError) return { error };
    throw error;
  }
  return { report: reader.report, bars };
}

function checkOutcome(outcome: Outcome) {
  if ("error" in outcome) {
    expect(outcome.error.message).not.toBe("");
    return;
  }
  const { report, bars } = outcome;
  expect(report.imported + report.rejected).toBe(report.rowsRead);
  expect(bars).toHaveLength(report.imported);
  expect(report.problems.length).toBe(Math.min(report.rejected, 100));
  expect(report.rejected * 2).toBeLessThanOrEqual(report.rowsRead);
  for (const bar of bars) {
    expect(bar.close).toBeGreaterThan(0);
    expect(Number.isFinite(bar.close)).toBe(true);
    expect(bar.date.getTime() % 86_400_000).toBe(0);
    expect(report.symbols).toContain(bar.symbol);
  }
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "insert", "delete"),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }),
});

function mutate(bytes: Uint8Array, mutations: { at: number; kind: string; bytes: Uint8Array }[]): Buffer {
  let result = Buffer.from(bytes);
  for (const { at, kind, bytes: patch } of mutations) {
    const i = result.length ? at % result.length : 0;
    const rest = result.subarray(kind === "insert" ? i : i + patch.length);
    result = Buffer.concat([result.subarray(0, i), kind === "delete" ? Buffer.alloc(0) : patch, rest]);
  }
  return result;
}

describe("readBars on arbitrary bytes", () => {
  it("random bytes end in a report or a DatasetFormatError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 512 }), fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), async (bytes, chunkSize, symbol) => {
        checkOutcome(await read(bytes, chunkSize, symbol));
      }),
      { numRuns: 500 },
    );
  });

  it("randomly damaged real files end in a report or a DatasetFormatError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 512 }), async (sample, mutations, chunkSize) => {
        checkOutcome(await read(mutate(sample, mutations), chunkSize, "X"));
      }),
      { numRuns: 500 },
    );
  });
});
