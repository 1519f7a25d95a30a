/*
 * Every sentence the engine writes (reasons, notes, the report), in each report language.
 */
import type { FamilyName } from "../technical/verdict";
import type {
  AnalystName,
  Decision,
  Interval,
  Language,
  RiskLevel,
  RiskResult,
  Signal,
  StrategyParams,
  StrategyReport,
} from "../types";
import { en } from "./en";
import { zh } from "./zh";

export type LevelKind = "none" | "breakout" | "breakdown" | "nearSupport" | "nearResistance" | "between";

export interface Messages {
  signal: Record<Signal, string>;
  action: Record<Decision, string>;
  riskLevel: Record<RiskLevel, string>;
  interval: Record<Interval, string>;
  analyst: Record<AnalystName, string>;
  family: Record<FamilyName, string>;
  strategy: Record<StrategyParams["strategy"], string>;
  params(params: StrategyParams): string;
  technical: {
    notEnoughData(indicator: string, bars: number): string;
    closeVsAverage(average: string, above: boolean, gap: number): string;
    averageVsAverage(faster: string, slower: string, above: boolean): string;
    rsi(value: number, zone: "overbought" | "oversold" | "neutral"): string;
    macd(histogram: number, lineAboveZero: boolean): string;
    bollinger(percentB: number, zone: "above" | "below" | "inside"): string;
    atr(percentOfPrice: number, ratioToMedian: number, expanding: boolean): string;
    atrSkipped: string;
    levels(kind: LevelKind, support: number | null, resistance: number | null): string;
    family(family: FamilyName, signal: Signal, bullish: number, bearish: number, voting: number): string;
  };
  decision: {
    technical(signal: Signal, score: number): string;
    backtest(report: StrategyReport, proven: boolean): string;
    risk(level: RiskLevel, risk: RiskResult): string;
  };
  notes: {
    closeOnly: string;
    noWalkForward: string;
    foldsReduced(requested: number, used: number): string;
    strategySkipped(strategy: StrategyParams["strategy"]): string;
    benchmarkMissing(symbol: string): string;
    benchmarkTooShort(symbol: string, aligned: number): string;
  };
  report: {
    title(symbol: string): string;
    summary(interval: string, from: string, to: string, bars: number, depth: number, analysts: string): string;
    headings: {
      decision: string;
      reasons: string;
      technical: string;
      indicators: string;
      levels: string;
      risk: string;
      backtest: string;
      walkForward(strategy: string): string;
      notes: string;
    };
    columns: {
      item: string;
      value: string;
      family: string;
      signal: string;
      reason: string;
      check: string;
      support: string;
      resistance: string;
      touches: string;
      strategy: string;
      parameters: string;
      cagr: string;
      sharpe: string;
      sortino: string;
      maxDrawdown: string;
      winRate: string;
      trades: string;
      fold: string;
      train: string;
      test: string;
      trainSharpe: string;
      testSharpe: string;
      horizon: string;
    };
    labels: {
      action: string;
      confidence: string;
      riskLevel: string;
      stopLoss(basis: "atr" | "volatility"): string;
      score(value: string): string;
      overall: string;
      annualisedVolatility: string;
      maxDrawdown: string;
      drawdownDates: string;
      drawdownPeriod(peak: string, trough: string, recovery: string | null): string;
      drawdownLength: string;
      drawdownDuration(declineBars: number, declineDays: number, recoveryBars: number | null, recoveryDays: number | null): string;
      historical: string;
      monteCarlo(paths: number, bars: number): string;
      beta(symbol: string): string;
      correlation(symbol: string): string;
      aligned(count: number): string;
      bars(count: number): string;
      buyAndHold: string;
      inSampleVsOutOfSample(inSample: string, outOfSample: string, efficiency: string): string;
      overfit(overfit: boolean): string;
      outOfSampleBuyAndHold(sharpe: string): string;
      costs(basisPoints: number): string;
      currentPosition(position: "long" | "flat"): string;
      gridSize(size: number): string;
      noLevels: string;
    };
    disclaimer: string;
  };
}

export function messagesFor(language: Language): Messages {
  return language === "zh" ? zh : en;
}
