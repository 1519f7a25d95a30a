import { rsiSeries } from "../indicators";
import type { RsiReversionParams, Strategy } from "./strategy";

/** Buys when RSI(period) falls below `lower`, sells when it rises above `upper`. */
export function rsiReversionStrategy(close: readonly number[], grid: RsiReversionParams[]): Strategy<RsiReversionParams> {
  const rsi = new Map<number, Float64Array>();
  for (const { period } of grid) if (!rsi.has(period)) rsi.set(period, rsiSeries(close, period));
  return {
    name: "rsiReversion",
    label: "RSI mean-reversion",
    grid,
    fill({ period, lower, upper }, desired, from, to) {
      const values = rsi.get(period)!;
      // The position is a state machine, so it is replayed from the first bar.
      let state: 0 | 1 = 0;
      for (let t = 0; t <= to; t++) {
        const value = values[t]!;
        if (state === 0 && value < lower) state = 1;
        else if (state === 1 && value > upper) state = 0;
        if (t >= from) desired[t] = state;
      }
    },
  };
}

/** All (period, lower, upper) combinations with lower < upper. */
export function rsiReversionGrid(periods: readonly number[], lower: readonly number[], upper: readonly number[]): RsiReversionParams[] {
  return periods.flatMap((period) =>
    lower.flatMap((l) => upper.filter((u) => l < u).map((u) => ({ strategy: "rsiReversion" as const, period, lower: l, upper: u }))),
  );
}
