import { median } from "simple-statistics";
import { atrSeries, bollingerSeries, lastValue } from "../indicators";
import type { Messages } from "../messages/messages";
import { recentVolatility } from "../returns";
import type { Check, VolatilityFamily } from "../types";
import { unavailable, verdict } from "./verdict";

/** ATR this many times its one-year median counts as a volatility expansion (risk-off). */
const EXPANSION = 1.5;

function bollingerCheck(bollinger: VolatilityFamily["bollinger"], m: Messages): Check {
  const name = "Bollinger 20/2";
  if (bollinger === null) return unavailable(name, m.technical.notEnoughData(name, 20));
  const { percentB } = bollinger;
  if (percentB > 1) return { name, signal: "bearish", reason: m.technical.bollinger(percentB, "above"), available: true };
  if (percentB < 0) return { name, signal: "bullish", reason: m.technical.bollinger(percentB, "below"), available: true };
  return { name, signal: "neutral", reason: m.technical.bollinger(percentB, "inside"), available: true };
}

function atrCheck(atr: Float64Array | null, close: readonly number[], periodsPerYear: number, m: Messages): Check {
  const name = "ATR 14";
  if (atr === null) return unavailable(name, m.technical.atrSkipped);
  const last = lastValue(atr);
  if (last === null) return unavailable(name, m.technical.notEnoughData(name, 15));
  const from = Math.max(0, close.length - Math.round(periodsPerYear));
  const history: number[] = [];
  for (let t = from; t < close.length; t++) if (!Number.isNaN(atr[t]!)) history.push(atr[t]! / close[t]!);
  const percent = last / close[close.length - 1]!;
  const typical = median(history);
  const ratio = typical > 0 ? percent / typical : 1;
  const expanding = ratio >= EXPANSION;
  return { name, signal: expanding ? "bearish" : "neutral", reason: m.technical.atr(percent, ratio, expanding), available: true };
}

function latestBollinger(close: readonly number[]): VolatilityFamily["bollinger"] {
  const bands = bollingerSeries(close, 20, 2);
  const [upper, middle, lower] = [lastValue(bands.upper), lastValue(bands.middle), lastValue(bands.lower)];
  if (upper === null || middle === null || lower === null) return null;
  const width = upper - lower;
  const percentB = width > 0 ? (close[close.length - 1]! - lower) / width : 0.5;
  return { upper, middle, lower, percentB, bandwidth: width / middle };
}

/** Bollinger 20/2 position and ATR 14 (skipped without high/low), plus 20-bar historical volatility. */
export function analyseVolatility(
  close: readonly number[],
  high: readonly number[] | null,
  low: readonly number[] | null,
  periodsPerYear: number,
  m: Messages,
): VolatilityFamily {
  const last = close[close.length - 1]!;
  const bollinger = latestBollinger(close);
  const atr = high && low ? atrSeries(high, low, close, 14) : null;
  const atr14 = atr ? lastValue(atr) : null;
  const sigma = recentVolatility(close, 20);
  return {
    ...verdict("volatility", [bollingerCheck(bollinger, m), atrCheck(atr, close, periodsPerYear, m)], m),
    bollinger,
    atr14,
    atrPercent: atr14 === null ? null : atr14 / last,
    atrSkipped: atr === null,
    historicalVolatility20: sigma === null ? null : sigma * Math.sqrt(periodsPerYear),
  };
}
