import type { Random } from "../random";
import type { MonteCarloHorizon } from "../types";
import { tailRisk } from "./tail-risk";

/**
 * VaR/CVaR of compounded returns over each horizon (in bars, ascending), from `paths` paths of bar
 * returns drawn with replacement from history. Every horizon is read off the same paths.
 */
export function monteCarloTailRisk(
  returns: readonly number[],
  horizons: readonly number[],
  paths: number,
  random: Random,
  progress: (fraction: number) => void,
): MonteCarloHorizon[] {
  const longest = horizons[horizons.length - 1]!;
  const outcomes = horizons.map(() => new Float64Array(paths));
  const every = Math.max(1, Math.floor(paths / 100));
  for (let p = 0; p < paths; p++) {
    let growth = 1;
    let next = 0;
    for (let step = 1; step <= longest; step++) {
      growth *= 1 + returns[random.below(returns.length)]!;
      if (step === horizons[next]) outcomes[next++]![p] = growth - 1;
    }
    if (p % every === 0) progress(p / paths);
  }
  return horizons.map((bars, i) => ({ bars, ...tailRisk(Array.from(outcomes[i]!.sort())) }));
}
