import { describe, expect, it } from "vitest";
import { sp500Daily } from "../testing/sample-series";
import { maxDrawdown } from "./drawdown";

const DAY = 86_400_000;

describe("maxDrawdown", () => {
  it("finds the deepest fall, its recovery and durations (hand-computed)", () => {
    const close = [100, 120, 90, 60, 80, 130, 110];
    const dates = close.map((_, i) => i * 7 * DAY);
    expect(maxDrawdown(dates, close)).toEqual({
      depth: 0.5,
      peak: { index: 1, date: 7 * DAY, price: 120 },
      trough: { index: 3, date: 21 * DAY, price: 60 },
      recovery: { index: 5, date: 35 * DAY, price: 130 },
      bars: { decline: 2, recovery: 2, total: 4 },
      days: { decline: 14, recovery: 14, total: 28 },
    });
  });

  it("reports no recovery while the price is still below the peak, and null for prices that never fell", () => {
    const dd = maxDrawdown([0, DAY, 2 * DAY], [10, 5, 8]);
    expect(dd?.recovery).toBeNull();
    expect(dd?.bars).toEqual({ decline: 1, recovery: null, total: null });
    expect(maxDrawdown([0, DAY, 2 * DAY], [1, 2, 3])).toBeNull();
  });

  it("finds the 2007–2009 bear market in the S&P 500 sample", () => {
    // Closing high 1565.15 on 2007-10-09, low 676.53 on 2009-03-09, first close above the high on
    // 2013-03-28: widely published figures, and the plain-Python reference agrees.
    const spx = sp500Daily();
    const dd = maxDrawdown(spx.dates, spx.close)!;
    expect(dd.depth).toBeCloseTo(1 - 676.53 / 1565.15, 6);
    expect(new Date(dd.peak.date).toISOString().slice(0, 10)).toBe("2007-10-09");
    expect(new Date(dd.trough.date).toISOString().slice(0, 10)).toBe("2009-03-09");
    expect(new Date(dd.recovery!.date).toISOString().slice(0, 10)).toBe("2013-03-28");
    expect(dd.days).toEqual({ decline: 517, recovery: 1480, total: 1997 });
    expect(dd.bars.total).toBe(dd.recovery!.index - dd.peak.index);
  });
});
