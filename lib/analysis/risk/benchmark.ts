import { sampleCorrelation, sampleCovariance, sampleVariance } from "simple-statistics";
import type { BenchmarkRelation } from "../types";

/** Fewer aligned returns than this give no beta or correlation. */
const MIN_ALIGNED = 20;

interface Closes {
  symbol: string;
  dates: readonly number[];
  close: readonly number[];
}

/** Returns of both series between consecutive dates that both have. */
export function alignedReturns(asset: Closes, benchmark: Closes): { asset: number[]; benchmark: number[] } {
  const benchmarkClose = new Map<number, number>();
  benchmark.dates.forEach((date, i) => benchmarkClose.set(date, benchmark.close[i]!));
  const out = { asset: [] as number[], benchmark: [] as number[] };
  let previous: { asset: number; benchmark: number } | null = null;
  asset.dates.forEach((date, i) => {
    const b = benchmarkClose.get(date);
    if (b === undefined) return;
    const a = asset.close[i]!;
    if (previous) {
      out.asset.push(a / previous.asset - 1);
      out.benchmark.push(b / previous.benchmark - 1);
    }
    previous = { asset: a, benchmark: b };
  });
  return out;
}

/** Beta (cov / var of the benchmark) and correlation of the aligned returns. */
export function benchmarkRelation(asset: Closes, benchmark: Closes): BenchmarkRelation {
  const aligned = alignedReturns(asset, benchmark);
  const count = aligned.asset.length;
  const base = { symbol: benchmark.symbol, alignedReturns: count, beta: null, correlation: null };
  if (count < MIN_ALIGNED) return base;
  const variance = sampleVariance(aligned.benchmark);
  if (variance === 0 || sampleVariance(aligned.asset) === 0) return base;
  return {
    ...base,
    beta: sampleCovariance(aligned.asset, aligned.benchmark) / variance,
    correlation: sampleCorrelation(aligned.asset, aligned.benchmark),
  };
}
