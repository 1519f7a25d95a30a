import { describe, expect, it } from "vitest";
import type { BarRow } from "../parse";
import { decodeBars, encodeBars } from "./bar-chunk";
import { mergeBars } from "./read-symbol-bars";

const DAY = 86_400_000;
const chunk = (days: number[]) => {
  const rows: BarRow[] = days.map((d) => ({ symbol: "S", date: new Date(d * DAY), open: d, high: d, low: d, close: d, volume: d % 2 ? null : d }));
  return decodeBars(new Uint8Array(encodeBars(rows)), rows.length);
};

describe("mergeBars", () => {
  it("joins a symbol's chunks into one series, dates ascending, keeping each bar's values together", () => {
    const merged = mergeBars([chunk([5, 6, 8]), chunk([1, 7, 9]), chunk([2, 3])]);
    expect(Array.from(merged.dates, (d) => d / DAY)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    expect(Array.from(merged.close)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    expect(Array.from(merged.volume)).toEqual([NaN, 2, NaN, NaN, 6, NaN, 8, NaN]);
  });

  it("keeps only the bars within the range, both ends included", () => {
    const merged = mergeBars([chunk([1, 2, 3]), chunk([4, 5, 6])], { from: 2 * DAY, to: 4 * DAY });
    expect(Array.from(merged.close)).toEqual([2, 3, 4]);
    expect(mergeBars([chunk([1, 2])], { from: 3 * DAY }).count).toBe(0);
    expect(mergeBars([]).count).toBe(0);
  });
});
