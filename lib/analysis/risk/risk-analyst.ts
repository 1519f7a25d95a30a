import { sampleStandardDeviation } from "simple-statistics";
import { seededRandom } from "../random";
import { simpleReturns } from "../returns";
import type { PriceSeries, RiskResult } from "../types";
import { benchmarkRelation } from "./benchmark";
import { maxDrawdown } from "./drawdown";
import { monteCarloTailRisk } from "./monte-carlo";
import { tailRisk } from "./tail-risk";

export interface RiskInput {
  series: PriceSeries;
  benchmark: PriceSeries | null;
  periodsPerYear: number;
  /** Seeds the Monte-Carlo PRNG, so the same data gives the same figures. */
  fingerprint: string;
  paths: number;
}

/** Monte-Carlo horizons in bars: one bar and about ten trading days. */
export function monteCarloHorizons(periodsPerYear: number): number[] {
  const tenDays = Math.max(1, Math.round((10 * periodsPerYear) / 252));
  return tenDays > 1 ? [1, tenDays] : [1];
}

export function runRiskAnalyst(input: RiskInput, progress: (fraction: number, label: string) => void): RiskResult {
  const { series, benchmark, periodsPerYear, fingerprint, paths } = input;
  const returns = simpleReturns(series.close);
  const perBarVolatility = sampleStandardDeviation(returns);
  const seed = fingerprint.slice(0, 32);
  progress(0, "volatility");
  const result: Omit<RiskResult, "monteCarlo"> = {
    returns: returns.length,
    perBarVolatility,
    annualisedVolatility: perBarVolatility * Math.sqrt(periodsPerYear),
    maxDrawdown: maxDrawdown(series.dates, series.close),
    historical: tailRisk([...returns].sort((a, b) => a - b)),
    benchmark: benchmark ? benchmarkRelation(series, benchmark) : null,
  };
  const horizons = monteCarloHorizons(periodsPerYear);
  const simulated = monteCarloTailRisk(returns, horizons, paths, seededRandom(seed), (f) => progress(0.05 + 0.95 * f, "Monte-Carlo"));
  return { ...result, monteCarlo: { paths, seed, method: "iid bootstrap of bar returns", horizons: simulated } };
}
