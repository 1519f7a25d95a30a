import type { DepthProfile } from "../depth";
import { yearsBetween } from "../periods-per-year";
import type { BacktestResult, Metrics, Period, StrategyParams, StrategyReport, Trade, WalkForward } from "../types";
import { BUY_AND_HOLD, buyAndHoldStrategy } from "./buy-and-hold";
import { evaluate, optimise, workspace, type Evaluation, type Workspace } from "./evaluate";
import { strategyGrids } from "./grids";
import { metricsOf } from "./metrics";
import { rsiReversionStrategy } from "./rsi-reversion";
import { backtestMarket, type Fill } from "./simulate";
import { smaCrossStrategy } from "./sma-cross";
import type { GridParams, Strategy } from "./strategy";
import { foldWindows, type Fold, type Window } from "./walk-forward";

/** 10 basis points of equity per fill (each side of a round trip). */
export const COST_PER_SIDE = 0.001;
/** Out-of-sample Sharpe below this share of the in-sample Sharpe flags the winner as overfit. */
const OVERFIT_EFFICIENCY = 0.5;

export interface BacktestInput {
  dates: readonly number[];
  close: readonly number[];
  periodsPerYear: number;
  profile: DepthProfile;
}

export interface BacktestOutput {
  result: BacktestResult;
  /** For the chart: the best strategy's fills and both equity curves over the whole series. */
  trades: Trade[];
  equity: { strategy: StrategyParams; buyAndHold: number[]; best: number[] } | null;
}

/** Progress of the grid searches: `stage` names the step, `tick` counts the bars of one evaluation. */
interface GridProgress {
  stage(label: string): void;
  tick(bars: number): void;
}

/** Concatenates test windows' evaluations into one out-of-sample record. */
function stitch(ws: Workspace, evaluations: Evaluation[], windows: Window[]): Metrics {
  const { dates, periodsPerYear } = ws.market;
  const years = windows.reduce((s, w) => s + yearsBetween(dates[w.from]!, dates[w.to]!), 0);
  const length = evaluations.reduce((s, e) => s + e.net.length, 0);
  const net = new Float64Array(length);
  const trades = { entered: 0, won: 0, exposedBars: 0 };
  let offset = 0;
  for (const e of evaluations) {
    net.set(e.net, offset);
    offset += e.net.length;
    trades.entered += e.trades.entered;
    trades.won += e.trades.won;
    trades.exposedBars += e.trades.exposedBars;
  }
  return metricsOf(net, length, years, periodsPerYear, trades);
}

function period(ws: Workspace, window: Window): Period {
  return { from: ws.market.dates[window.from]!, to: ws.market.dates[window.to]!, bars: window.to - window.from };
}

function walkForward(ws: Workspace, strategy: Strategy<GridParams>, folds: Fold[], progress: GridProgress): WalkForward | null {
  if (!folds.length) return null;
  const results = folds.map((fold, i) => {
    progress.stage(`${strategy.label} walk-forward ${i + 1}/${folds.length}`);
    const winner = optimise(ws, strategy, fold.train, progress.tick);
    return {
      fold,
      winner,
      test: evaluate(ws, strategy, winner.params, fold.test),
      baseline: evaluate(ws, buyAndHoldStrategy(), BUY_AND_HOLD, fold.test),
    };
  });
  const windows = folds.map((f) => f.test);
  const inSampleSharpe = results.reduce((s, r) => s + r.winner.sharpe, 0) / results.length;
  const outOfSample = stitch(ws, results.map((r) => r.test), windows);
  const efficiency = inSampleSharpe > 0 ? outOfSample.sharpe / inSampleSharpe : null;
  return {
    folds: results.map(({ fold, winner, test }) => ({
      train: period(ws, fold.train),
      test: period(ws, fold.test),
      params: winner.params,
      trainSharpe: winner.sharpe,
      outOfSample: test.metrics,
    })),
    inSampleSharpe,
    outOfSample,
    buyAndHold: stitch(ws, results.map((r) => r.baseline), windows),
    efficiency,
    overfit: efficiency !== null && efficiency < OVERFIT_EFFICIENCY,
  };
}

function runStrategy(ws: Workspace, strategy: Strategy<GridParams>, folds: Fold[], progress: GridProgress): StrategyReport {
  const bars = ws.market.close.length;
  const whole: Window = { from: 0, to: bars - 1 };
  progress.stage(`${strategy.label} in-sample`);
  const best = optimise(ws, strategy, whole, progress.tick).params;
  const inSample = evaluate(ws, strategy, best, whole).metrics;
  // evaluate() left the best parameters' wishes for every bar in ws.desired.
  const currentPosition = ws.desired[bars - 1] === 1 ? "long" : "flat";
  return {
    strategy: strategy.name,
    gridSize: strategy.grid.length,
    best,
    inSample,
    walkForward: walkForward(ws, strategy, folds, progress),
    currentPosition,
  };
}

function equityCurve(net: Float64Array): number[] {
  const curve = [1];
  for (const r of net) curve.push(curve[curve.length - 1]! * (1 + r));
  return curve;
}

/**
 * Buy-and-hold, SMA crossover and RSI mean-reversion with costs. Each grid's best in-sample
 * parameters are reported, and anchored walk-forward folds re-optimise on past bars only and test on
 * the next segment, exposing winners that were only fitted to noise.
 */
export function runBacktestAnalyst(input: BacktestInput, progress: (fraction: number, label: string) => void): BacktestOutput {
  const { dates, close, periodsPerYear, profile } = input;
  const bars = close.length;
  const ws = workspace(backtestMarket(dates, close, periodsPerYear), COST_PER_SIDE);
  const grids = strategyGrids(profile, bars, periodsPerYear);
  const folds = foldWindows(bars, profile.folds);
  const strategies: Strategy<GridParams>[] = [];
  if (grids.smaCross.length) strategies.push(smaCrossStrategy(close, grids.smaCross));
  if (grids.rsiReversion.length) strategies.push(rsiReversionStrategy(close, grids.rsiReversion));

  const barsPerGrid = bars - 1 + folds.reduce((s, f) => s + f.train.to - f.train.from, 0);
  const total = strategies.reduce((s, st) => s + st.grid.length * barsPerGrid, 0);
  let done = 0;
  let evaluations = 0;
  let label = "";
  const gridProgress: GridProgress = {
    stage(next) {
      label = next;
      progress(done / total, label);
    },
    tick(evaluated) {
      done += evaluated;
      if (++evaluations % 64 === 0) progress(done / total, label);
    },
  };

  const whole: Window = { from: 0, to: bars - 1 };
  const buyAndHold = evaluate(ws, buyAndHoldStrategy(), BUY_AND_HOLD, whole);
  const reports = strategies.map((s) => runStrategy(ws, s, folds, gridProgress));
  const score = (i: number) => reports[i]!.walkForward?.outOfSample.sharpe ?? reports[i]!.inSample.sharpe;
  const bestIndex = reports.reduce<number | null>((best, _r, i) => (best === null || score(i) > score(best) ? i : best), null);

  const fills: Fill[] = [];
  const best = bestIndex === null ? null : { report: reports[bestIndex]!, strategy: strategies[bestIndex]! };
  const bestEvaluation = best ? evaluate(ws, best.strategy, best.report.best, whole, fills) : null;
  return {
    result: {
      costPerSide: COST_PER_SIDE,
      execution: "signal at a bar's close, filled at the next bar's close",
      buyAndHold: buyAndHold.metrics,
      strategies: reports,
      bestStrategy: best ? best.report.strategy : null,
    },
    trades: fills.map((f) => ({ date: dates[f.index]!, side: f.side, price: f.price })),
    equity:
      best && bestEvaluation
        ? { strategy: best.report.best, buyAndHold: equityCurve(buyAndHold.net), best: equityCurve(bestEvaluation.net) }
        : null,
  };
}
