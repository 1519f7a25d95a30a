import { describe, expect, it } from "vitest";
import type { BarRow } from "../parse";
import { decodeBars, encodeBars } from "./bar-chunk";

const bar = (day: number, values: Partial<BarRow> = {}): BarRow => ({
  symbol: "S",
  date: new Date(Date.UTC(2020, 0, 1) + day * 86_400_000),
  open: 1,
  high: 2,
  low: 0.5,
  close: 1.5,
  volume: 100,
  ...values,
});

describe("a stored chunk's bytes", () => {
  it("give back every value exactly, NaN where one was missing", () => {
    const rows = [
      bar(0, { open: 0.1, high: 0.30000000000000004, low: 1e-7, close: 123456789.123456, volume: 12345678901234 }),
      bar(1, { open: null, high: null, low: null, volume: null }),
      bar(-20_000, { close: Number.MAX_VALUE, volume: 0 }),
    ];
    const decoded = decodeBars(new Uint8Array(encodeBars(rows)), rows.length);
    expect(Array.from(decoded.dates)).toEqual(rows.map((r) => r.date.getTime()));
    expect(Array.from(decoded.open)).toEqual([0.1, NaN, 1]);
    expect(Array.from(decoded.high)).toEqual([0.30000000000000004, NaN, 2]);
    expect(Array.from(decoded.low)).toEqual([1e-7, NaN, 0.5]);
    expect(Array.from(decoded.close)).toEqual([123456789.123456, 1.5, Number.MAX_VALUE]);
    expect(Array.from(decoded.volume)).toEqual([12345678901234, NaN, 0]);
  });

  it("are six big-endian float64 columns, the layout PostgreSQL's float8send gives the migration", () => {
    const bytes = Buffer.from(encodeBars([bar(0), bar(1)]));
    expect(bytes.length).toBe(2 * 6 * 8);
    expect(bytes.readDoubleBE(0)).toBe(Date.UTC(2020, 0, 1));
    expect(bytes.readDoubleBE(8)).toBe(Date.UTC(2020, 0, 2));
    expect(bytes.readDoubleBE(2 * 8)).toBe(1);
    expect(bytes.readDoubleBE(8 * 8)).toBe(1.5);
    expect(bytes.readDoubleBE(11 * 8)).toBe(100);
  });

  it("of the wrong length for their count are refused, not misread", () => {
    const bytes = new Uint8Array(encodeBars([bar(0), bar(1)]));
    expect(() => decodeBars(bytes, 3)).toThrow(/3 bars holds 96 bytes/);
    expect(() => decodeBars(bytes.subarray(0, 95), 2)).toThrow(/instead of 96/);
  });
});
