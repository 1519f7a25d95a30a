/*
 * How much work each depth does: Monte-Carlo paths, walk-forward folds and the strategy grids.
 * Moving-average periods are in daily bars and are rescaled to the series' interval (grids.ts).
 * On the 20-year S&P 500 daily sample (5,104 bars), one warm run on one core of the 2-core dev
 * machine took about 0.3–0.6 s, 0.7–1.4 s, 1.7–3.8 s, 6–15 s and 17–22 s for depths 1 to 5 (a cold
 * pool thread adds about a second).
 */
import type { AnalysisOptions } from "./types";

export interface DepthProfile {
  monteCarloPaths: number;
  /** Walk-forward folds (fewer when the series is short). */
  folds: number;
  smaFast: number[];
  smaSlow: number[];
  rsiPeriods: number[];
  rsiLower: number[];
  rsiUpper: number[];
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to; x += step) out.push(x);
  return out;
}

const PROFILES: Record<AnalysisOptions["depth"], DepthProfile> = {
  1: {
    monteCarloPaths: 200_000,
    folds: 4,
    smaFast: range(5, 50, 5),
    smaSlow: range(50, 250, 25),
    rsiPeriods: range(2, 30, 2),
    rsiLower: range(15, 40, 5),
    rsiUpper: range(60, 85, 5),
  },
  2: {
    monteCarloPaths: 300_000,
    folds: 5,
    smaFast: range(4, 60, 4),
    smaSlow: range(40, 280, 10),
    rsiPeriods: range(2, 30, 2),
    rsiLower: range(10, 40, 2),
    rsiUpper: range(60, 90, 2),
  },
  3: {
    monteCarloPaths: 500_000,
    folds: 6,
    smaFast: range(3, 80, 3),
    smaSlow: range(30, 300, 6),
    rsiPeriods: range(2, 30, 1),
    rsiLower: range(10, 45, 2),
    rsiUpper: range(55, 90, 2),
  },
  4: {
    monteCarloPaths: 750_000,
    folds: 8,
    smaFast: range(2, 100, 2),
    smaSlow: range(20, 300, 4),
    rsiPeriods: range(2, 30, 1),
    rsiLower: range(10, 45, 1),
    rsiUpper: range(55, 90, 1),
  },
  5: {
    monteCarloPaths: 1_000_000,
    folds: 10,
    smaFast: range(2, 100, 1),
    smaSlow: range(20, 300, 2),
    rsiPeriods: range(2, 50, 1),
    rsiLower: range(10, 45, 1),
    rsiUpper: range(55, 90, 1),
  },
};

export function depthProfile(depth: AnalysisOptions["depth"]): DepthProfile {
  return PROFILES[depth];
}
