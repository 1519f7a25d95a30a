import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { expect } from "vitest";
import { DatasetFormatError } from "./dataset-format-error";
import { MS_PER_DAY } from "./parse-date";
import { readBars, type BarSource } from "./read-bars";
import type { BarRow, ImportReport, ReadBarsOptions } from "./types";

/** Helpers for the reader's tests. */

export const FIXTURES = path.join(import.meta.dirname, "fixtures");

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** A real sample file shipped with the vega-datasets package. */
export function vegaDataset(name: string): Buffer {
  return fs.readFileSync(path.join(import.meta.dirname, "../../../node_modules/vega-datasets/data", name));
}

/** The bytes as a stream of chunks of `size` bytes (the last one shorter). */
export function chunked(bytes: Uint8Array, size: number): Readable {
  function* chunks() {
    for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.subarray(at, at + size));
  }
  return Readable.from(chunks());
}

export interface ReadResult {
  bars: BarRow[];
  batches: number[];
  report: ImportReport;
}

export async function readAll(source: BarSource | Uint8Array, options?: ReadBarsOptions): Promise<ReadResult> {
  const reader = readBars(source instanceof Uint8Array ? chunked(source, 64 * 1024) : source, options);
  const bars: BarRow[] = [];
  const batches: number[] = [];
  for await (const batch of reader) {
    for (const bar of batch) expect(bar.date.getTime() % MS_PER_DAY, "a bar's date is UTC midnight").toBe(0);
    bars.push(...batch);
    batches.push(batch.length);
  }
  return { bars, batches, report: reader.report };
}

/** Reads to the end and returns the DatasetFormatError it must fail with, and the bars yielded before. */
export async function readFailure(source: Readable | Uint8Array, options?: ReadBarsOptions): Promise<DatasetFormatError & { bars: BarRow[] }> {
  const bars: BarRow[] = [];
  try {
    const reader = readBars(source instanceof Uint8Array ? chunked(source, 64 * 1024) : source, options);
    for await (const batch of reader) bars.push(...batch);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetFormatError);
    return Object.assign(err as DatasetFormatError, { bars });
  }
  throw new Error("The file was read without a DatasetFormatError.");
}

/** A bar as `[symbol, YYYY-MM-DD, open, high, low, close, volume]`, for exact comparisons. */
export function row(bar: BarRow): [string, string, number | null, number | null, number | null, number, number | null] {
  return [bar.symbol, bar.date.toISOString().slice(0, 10), bar.open, bar.high, bar.low, bar.close, bar.volume];
}
