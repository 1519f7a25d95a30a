import type { Drawdown, PricePoint } from "../types";

const DAY_MS = 24 * 3600 * 1000;

/** The deepest peak-to-trough fall of the closes, with its dates and recovery; null if prices never fell. */
export function maxDrawdown(dates: readonly number[], close: readonly number[]): Drawdown | null {
  let peak = 0;
  let worst = { depth: 0, peak: 0, trough: 0 };
  for (let t = 1; t < close.length; t++) {
    if (close[t]! > close[peak]!) peak = t;
    const depth = 1 - close[t]! / close[peak]!;
    if (depth > worst.depth) worst = { depth, peak, trough: t };
  }
  if (worst.depth === 0) return null;
  let recovered: number | null = null;
  for (let t = worst.trough + 1; t < close.length && recovered === null; t++) {
    if (close[t]! >= close[worst.peak]!) recovered = t;
  }
  const point = (index: number): PricePoint => ({ index, date: dates[index]!, price: close[index]! });
  const days = (from: number, to: number) => Math.round((dates[to]! - dates[from]!) / DAY_MS);
  return {
    depth: worst.depth,
    peak: point(worst.peak),
    trough: point(worst.trough),
    recovery: recovered === null ? null : point(recovered),
    bars: {
      decline: worst.trough - worst.peak,
      recovery: recovered === null ? null : recovered - worst.trough,
      total: recovered === null ? null : recovered - worst.peak,
    },
    days: {
      decline: days(worst.peak, worst.trough),
      recovery: recovered === null ? null : days(worst.trough, recovered),
      total: recovered === null ? null : days(worst.peak, recovered),
    },
  };
}
