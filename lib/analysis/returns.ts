import { sampleStandardDeviation } from "simple-statistics";

/** Simple returns between consecutive closes: r[i] = close[i + 1] / close[i] − 1 (one fewer than closes). */
export function simpleReturns(close: readonly number[]): number[] {
  const out = new Array<number>(close.length - 1);
  for (let i = 1; i < close.length; i++) out[i - 1] = close[i]! / close[i - 1]! - 1;
  return out;
}

/** Sample standard deviation of the last `count` returns of `close`; null with fewer than 2 returns. */
export function recentVolatility(close: readonly number[], count: number): number | null {
  const returns = simpleReturns(close.slice(-(count + 1)));
  return returns.length >= 2 ? sampleStandardDeviation(returns) : null;
}
