import { quantileSorted } from "simple-statistics";
import type { TailRisk } from "../types";

/** Value at risk and expected shortfall at `level` as a positive loss fraction, from sorted returns. */
function atLevel(sorted: readonly number[], level: number): { valueAtRisk: number; expectedShortfall: number } {
  // Linear interpolation between order statistics (type 7, numpy's default).
  const cutoff = quantileSorted(sorted as number[], 1 - level);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i]! <= cutoff; i++, count++) sum += sorted[i]!;
  return { valueAtRisk: -cutoff, expectedShortfall: -sum / count };
}

/** Historical VaR and CVaR at 95 % and 99 % of returns sorted ascending. */
export function tailRisk(sortedReturns: readonly number[]): TailRisk {
  const at95 = atLevel(sortedReturns, 0.95);
  const at99 = atLevel(sortedReturns, 0.99);
  return { var95: at95.valueAtRisk, cvar95: at95.expectedShortfall, var99: at99.valueAtRisk, cvar99: at99.expectedShortfall };
}
