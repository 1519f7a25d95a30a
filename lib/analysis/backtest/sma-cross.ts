import { smaSeries } from "../indicators";
import type { SmaCrossParams, Strategy } from "./strategy";

/** Long while SMA(fast) is above SMA(slow), flat otherwise (and while either is warming up). */
export function smaCrossStrategy(close: readonly number[], grid: SmaCrossParams[]): Strategy<SmaCrossParams> {
  const averages = new Map<number, Float64Array>();
  for (const { fast, slow } of grid) {
    for (const period of [fast, slow]) if (!averages.has(period)) averages.set(period, smaSeries(close, period));
  }
  return {
    name: "smaCross",
    label: "SMA crossover",
    grid,
    fill({ fast, slow }, desired, from, to) {
      const f = averages.get(fast)!;
      const s = averages.get(slow)!;
      // NaN (warm-up) compares false: flat.
      for (let t = from; t <= to; t++) desired[t] = f[t]! > s[t]! ? 1 : 0;
    },
  };
}

/** All (fast, slow) pairs with fast < slow. */
export function smaCrossGrid(fast: readonly number[], slow: readonly number[]): SmaCrossParams[] {
  return fast.flatMap((f) => slow.filter((s) => f < s).map((s) => ({ strategy: "smaCross" as const, fast: f, slow: s })));
}
