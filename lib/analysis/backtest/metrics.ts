import type { Metrics } from "../types";
import type { WindowTrades } from "./simulate";

/** Annualised Sharpe ratio of the first `length` net returns (risk-free rate 0); 0 without variance. */
export function sharpeOf(net: Float64Array, length: number, periodsPerYear: number): number {
  if (length < 2) return 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const r = net[i]!;
    sum += r;
    squares += r * r;
  }
  const mean = sum / length;
  const variance = (squares - sum * mean) / (length - 1);
  // A variance of a few ulps is rounding noise (e.g. a flat strategy that paid one cost).
  return variance > 1e-20 ? (mean / Math.sqrt(variance)) * Math.sqrt(periodsPerYear) : 0;
}

/** Every metric of a window's net returns. `years` is the calendar span, for CAGR. */
export function metricsOf(net: Float64Array, length: number, years: number, periodsPerYear: number, trades: WindowTrades): Metrics {
  let equity = 1;
  let peak = 1;
  let maxDrawdown = 0;
  let sum = 0;
  let squares = 0;
  let downside = 0;
  for (let i = 0; i < length; i++) {
    const r = net[i]!;
    equity *= 1 + r;
    if (equity > peak) peak = equity;
    maxDrawdown = Math.max(maxDrawdown, 1 - equity / peak);
    sum += r;
    squares += r * r;
    if (r < 0) downside += r * r;
  }
  const mean = length ? sum / length : 0;
  const variance = length > 1 ? Math.max(0, (squares - sum * mean) / (length - 1)) : 0;
  const downsideDeviation = length ? Math.sqrt(downside / length) : 0;
  return {
    bars: length,
    totalReturn: equity - 1,
    cagr: years > 0 && equity > 0 ? equity ** (1 / years) - 1 : null,
    annualisedVolatility: Math.sqrt(variance * periodsPerYear),
    sharpe: sharpeOf(net, length, periodsPerYear),
    sortino: downsideDeviation > 0 ? (mean / downsideDeviation) * Math.sqrt(periodsPerYear) : null,
    maxDrawdown,
    trades: trades.entered,
    winRate: trades.entered ? trades.won / trades.entered : null,
    exposure: length ? trades.exposedBars / length : 0,
  };
}
