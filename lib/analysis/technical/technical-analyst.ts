import type { Messages } from "../messages/messages";
import type { Interval, TechnicalResult } from "../types";
import { analyseMomentum } from "./momentum";
import { analyseSupportResistance } from "./support-resistance";
import { analyseTrend } from "./trend";
import { signalOf } from "./verdict";
import { analyseVolatility } from "./volatility";

const WEIGHTS = { trend: 0.4, momentum: 0.25, volatility: 0.15, supportResistance: 0.2 } as const;

export interface TechnicalInput {
  dates: readonly number[];
  close: readonly number[];
  high: readonly number[] | null;
  low: readonly number[] | null;
  interval: Interval;
  periodsPerYear: number;
}

/** The latest bar read through four indicator families, combined into one weighted signal. */
export function runTechnicalAnalyst(input: TechnicalInput, m: Messages): TechnicalResult {
  const { dates, close, high, low, interval, periodsPerYear } = input;
  const trend = analyseTrend(close, m);
  const momentum = analyseMomentum(close, m);
  const volatility = analyseVolatility(close, high, low, periodsPerYear, m);
  const supportResistance = analyseSupportResistance(dates, close, high, low, interval, periodsPerYear, m);
  const score =
    WEIGHTS.trend * trend.score +
    WEIGHTS.momentum * momentum.score +
    WEIGHTS.volatility * volatility.score +
    WEIGHTS.supportResistance * supportResistance.score;
  return {
    asOf: dates[dates.length - 1]!,
    close: close[close.length - 1]!,
    signal: signalOf(score, 0.15),
    score,
    trend,
    momentum,
    volatility,
    supportResistance,
  };
}
