import type { BarRow } from "../parse";

/** Bars per stored chunk of one symbol (the last chunk of an import may hold fewer). */
export const BARS_PER_CHUNK = 4_096;
export const COLUMNS = 6;
const VALUE_BYTES = 8;
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** A symbol's bars, one typed array per column, NaN where a value is missing. */
export interface BarColumns {
  count: number;
  /** UTC ms of each bar's day. */
  dates: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** A bar's values in column order, NaN for a missing one. */
export function barValues(r: BarRow): [number, number, number, number, number, number] {
  return [r.date.getTime(), r.open ?? NaN, r.high ?? NaN, r.low ?? NaN, r.close, r.volume ?? NaN];
}

/**
 * A chunk's bars as stored: six columns of `count` float64 values each — dates (UTC ms), open,
 * high, low, close, volume — NaN for a missing value. Big-endian, the order of PostgreSQL's
 * `float8send`, so a migration can pack bars in SQL. `values` holds the same columns back to back
 * in this machine's order, alone in its buffer; it is packed in place and its buffer returned.
 */
export function packColumns(values: Float64Array<ArrayBuffer>): ArrayBuffer {
  if (values.byteOffset !== 0 || values.byteLength !== values.buffer.byteLength) throw new Error("packColumns needs an array alone in its buffer");
  if (LITTLE_ENDIAN) Buffer.from(values.buffer).swap64();
  return values.buffer;
}

/** packColumns of the rows, in their order. */
export function encodeBars(rows: readonly BarRow[]): ArrayBuffer {
  const n = rows.length;
  const values = new Float64Array(n * COLUMNS);
  rows.forEach((row, i) => barValues(row).forEach((v, c) => (values[c * n + i] = v)));
  return packColumns(values);
}

export function decodeBars(blob: Uint8Array, count: number): BarColumns {
  if (blob.byteLength !== count * COLUMNS * VALUE_BYTES) {
    throw new Error(`A stored chunk of ${count} bars holds ${blob.byteLength} bytes instead of ${count * COLUMNS * VALUE_BYTES}.`);
  }
  // A copy of its own: aligned for a Float64Array, and swapped without touching the caller's bytes.
  const copy = new Uint8Array(blob);
  if (LITTLE_ENDIAN) Buffer.from(copy.buffer).swap64();
  const values = new Float64Array(copy.buffer);
  const column = (c: number) => values.subarray(c * count, (c + 1) * count);
  return { count, dates: column(0), open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5) };
}

/** A stored value as the app shows it: NaN marks a missing one. */
export const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
