/*
 * The analysis pipeline: validate → technical → risk → backtest → decision → report. Pure and
 * synchronous; every run builds its own objects, so concurrent runs (threads or interleaved calls)
 * cannot see each other's state.
 */
import { runBacktestAnalyst, type BacktestOutput } from "./backtest/backtest-analyst";
import { strategyGrids } from "./backtest/grids";
import { foldWindows } from "./backtest/walk-forward";
import { chartData } from "./chart-data";
import { decide } from "./decision/decide";
import { depthProfile, type DepthProfile } from "./depth";
import { fingerprintSeries } from "./fingerprint";
import { messagesFor, type Messages } from "./messages/messages";
import { periodsPerYear } from "./periods-per-year";
import { progressTracker } from "./progress";
import { renderReport } from "./report/report";
import { monteCarloHorizons, runRiskAnalyst } from "./risk/risk-analyst";
import { runTechnicalAnalyst } from "./technical/technical-analyst";
import type { AnalysisHooks, AnalysisInput, AnalysisResult, RiskResult } from "./types";
import { hasHighLow, validateInput } from "./validate-input";

/**
 * Expected duration of each stage in microseconds, so that progress moves evenly; measured on the
 * S&P 500 daily sample (a Monte-Carlo draw ~85 ns, sorting ~120 ns per path and horizon, a grid
 * evaluation ~4 ns per bar).
 */
function stageWork(input: AnalysisInput, profile: DepthProfile, ppy: number): Record<string, number> {
  const bars = input.series.close.length;
  const analysts = new Set(input.options.analysts);
  const grids = strategyGrids(profile, bars, ppy);
  const trainBars = foldWindows(bars, profile.folds).reduce((s, f) => s + f.train.to - f.train.from, 0);
  const horizons = monteCarloHorizons(ppy);
  return {
    technical: analysts.has("technical") ? bars * 10 : 0,
    risk: analysts.has("risk") ? bars * 2 + profile.monteCarloPaths * (Math.max(...horizons) * 0.085 + horizons.length * 0.12) : 0,
    backtest: analysts.has("backtest") ? (grids.smaCross.length + grids.rsiReversion.length) * (bars + trainBars) * 0.004 : 0,
    finish: bars * 10,
  };
}

function backtestNotes(output: BacktestOutput, profile: DepthProfile, m: Messages): string[] {
  const notes: string[] = [];
  const ran = new Set(output.result.strategies.map((s) => s.strategy));
  for (const strategy of ["smaCross", "rsiReversion"] as const) if (!ran.has(strategy)) notes.push(m.notes.strategySkipped(strategy));
  const folds = output.result.strategies[0]?.walkForward?.folds.length ?? 0;
  if (output.result.strategies.length && folds === 0) notes.push(m.notes.noWalkForward);
  else if (folds > 0 && folds < profile.folds) notes.push(m.notes.foldsReduced(profile.folds, folds));
  return notes;
}

function benchmarkNotes(input: AnalysisInput, risk: RiskResult, m: Messages): string[] {
  const wanted = input.options.benchmarkSymbol;
  if (wanted && !input.benchmark) return [m.notes.benchmarkMissing(wanted)];
  if (risk.benchmark && risk.benchmark.beta === null) return [m.notes.benchmarkTooShort(risk.benchmark.symbol, risk.benchmark.alignedReturns)];
  return [];
}

export function runAnalysis(input: AnalysisInput, hooks: AnalysisHooks = {}): AnalysisResult {
  const m = messagesFor(input.options.language);
  validateInput(input);
  const { series, options } = input;
  const selected = new Set(options.analysts);
  const ppy = periodsPerYear(series.interval, series.dates);
  const profile = depthProfile(options.depth);
  const fingerprint = fingerprintSeries(series);
  const withHighLow = hasHighLow(series);
  const high = withHighLow ? series.high : null;
  const low = withHighLow ? series.low : null;
  const progress = progressTracker(stageWork(input, profile, ppy), hooks.progress);
  const notes: string[] = withHighLow ? [] : [m.notes.closeOnly];

  let technical: AnalysisResult["technical"];
  if (selected.has("technical")) {
    progress.stage("technical")(0, "Technical analyst");
    technical = runTechnicalAnalyst({ dates: series.dates, close: series.close, high, low, interval: series.interval, periodsPerYear: ppy }, m);
  }

  let risk: RiskResult | undefined;
  if (selected.has("risk")) {
    const stage = progress.stage("risk");
    risk = runRiskAnalyst(
      { series, benchmark: input.benchmark ?? null, periodsPerYear: ppy, fingerprint, paths: profile.monteCarloPaths },
      (fraction, label) => stage(fraction, `Risk analyst: ${label}`),
    );
    notes.push(...benchmarkNotes(input, risk, m));
  }

  let backtest: BacktestOutput | null = null;
  if (selected.has("backtest")) {
    const stage = progress.stage("backtest");
    backtest = runBacktestAnalyst(
      { dates: series.dates, close: series.close, periodsPerYear: ppy, profile },
      (fraction, label) => stage(fraction, `Backtest: ${label}`),
    );
    notes.push(...backtestNotes(backtest, profile, m));
  }

  progress.stage("finish")(0, "Decision");
  const decision = decide({ close: series.close, high, low, technical, risk, backtest: backtest?.result }, m);
  const result: Omit<AnalysisResult, "report"> = {
    symbol: series.symbol,
    fingerprint,
    interval: series.interval,
    range: { from: series.dates[0]!, to: series.dates[series.dates.length - 1]!, bars: series.close.length },
    periodsPerYear: ppy,
    options: { ...options, analysts: [...options.analysts] },
    ...(technical && { technical }),
    ...(risk && { risk }),
    ...(backtest && { backtest: backtest.result }),
    decision,
    notes,
    chart: chartData(series, withHighLow, backtest),
  };
  progress.stage("finish")(0.5, "Report");
  const report = renderReport(result, m);
  progress.finish("Done");
  return { ...result, report };
}
