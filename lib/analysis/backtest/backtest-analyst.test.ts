/*
 * Backtest figures on the S&P 500 sample against a plain re-implementation of the rules written here
 * (SMAs and RSI from testing/reference-indicators, one loop per strategy), and the walk-forward's
 * verdict on series whose answer is known: pure noise (any winner is fitted to noise) and long
 * alternating trends (a trend rule really works).
 */
import { describe, expect, it } from "vitest";
import { depthProfile } from "../depth";
import { yearsBetween } from "../periods-per-year";
import type { StrategyParams } from "../types";
import { referenceRsi, referenceSma } from "../testing/reference-indicators";
import { sp500Daily } from "../testing/sample-series";
import { randomWalk } from "../testing/synthetic-series";
import { COST_PER_SIDE, runBacktestAnalyst } from "./backtest-analyst";
import { evaluate, optimise, workspace } from "./evaluate";
import { strategyGrids } from "./grids";
import { rsiReversionStrategy } from "./rsi-reversion";
import { backtestMarket, type Fill } from "./simulate";
import { smaCrossStrategy } from "./sma-cross";
import type { Strategy } from "./strategy";

const spx = sp500Daily();
const bars = spx.close.length;
const whole = { from: 0, to: bars - 1 };
const ws = () => workspace(backtestMarket(spx.dates, spx.close, 252), COST_PER_SIDE);

/** Long/flat from `signal(t)` decided at bar t's close, filled at bar t + 1's close, costs per side. */
function referenceBacktest(close: number[], signal: (t: number) => boolean): { totalReturn: number; fills: number[] } {
  let equity = 1;
  let long = false;
  const fills: number[] = [];
  for (let t = 1; t < close.length; t++) {
    if (long) equity *= close[t]! / close[t - 1]!;
    if (signal(t - 1) !== long) {
      long = !long;
      equity *= 1 - COST_PER_SIDE;
      fills.push(t);
    }
  }
  return { totalReturn: equity - 1, fills };
}

function fillsOf<P extends StrategyParams>(strategy: Strategy<P>, params: P) {
  const fills: Fill[] = [];
  const result = evaluate(ws(), strategy, params, whole, fills);
  return { result, fills };
}

describe("backtest on the S&P 500 sample", () => {
  it("buy and hold buys at the second close and pays one cost", () => {
    const { result } = runBacktestAnalyst({ dates: spx.dates, close: spx.close, periodsPerYear: 252, profile: depthProfile(1) }, () => {});
    const totalReturn = (spx.close[bars - 1]! / spx.close[1]!) * (1 - COST_PER_SIDE) - 1;
    expect(result.buyAndHold.totalReturn).toBeCloseTo(totalReturn, 10);
    expect(result.buyAndHold.cagr).toBeCloseTo((1 + totalReturn) ** (1 / yearsBetween(spx.dates[0]!, spx.dates[bars - 1]!)) - 1, 10);
    expect(result.buyAndHold.maxDrawdown).toBeCloseTo(1 - 676.53 / 1565.15, 6);
    expect(result.buyAndHold.trades).toBe(1);
  });

  it("SMA 50/200 crossover matches the reference loop", () => {
    const fast = referenceSma(spx.close, 50);
    const slow = referenceSma(spx.close, 200);
    const reference = referenceBacktest(spx.close, (t) => fast[t]! > slow[t]!);
    const params = { strategy: "smaCross", fast: 50, slow: 200 } as const;
    const { result, fills } = fillsOf(smaCrossStrategy(spx.close, [params]), params);
    expect(fills.map((f) => f.index)).toEqual(reference.fills);
    expect(result.metrics.totalReturn).toBeCloseTo(reference.totalReturn, 9);
    expect(result.metrics.trades).toBe(Math.ceil(reference.fills.length / 2));
  });

  it("RSI 14 mean-reversion (buy < 30, sell > 70) matches the reference loop", () => {
    const rsi = referenceRsi(spx.close, 14);
    let holding = false;
    const wanted = rsi.map((value) => {
      if (!holding && value < 30) holding = true;
      else if (holding && value > 70) holding = false;
      return holding;
    });
    const reference = referenceBacktest(spx.close, (t) => wanted[t]!);
    const params = { strategy: "rsiReversion", period: 14, lower: 30, upper: 70 } as const;
    const { result, fills } = fillsOf(rsiReversionStrategy(spx.close, [params]), params);
    expect(fills.map((f) => f.index)).toEqual(reference.fills);
    expect(result.metrics.totalReturn).toBeCloseTo(reference.totalReturn, 9);
  });

  it("picks the grid's highest in-sample Sharpe", () => {
    const grid = strategyGrids(depthProfile(1), bars, 252).smaCross;
    const strategy = smaCrossStrategy(spx.close, grid);
    const space = ws();
    const sharpes = grid.map((p) => evaluate(space, strategy, p, whole).metrics.sharpe);
    const best = optimise(space, strategy, whole, () => {});
    expect(best.sharpe).toBeCloseTo(Math.max(...sharpes), 12);
    expect(best.params).toEqual(grid[sharpes.indexOf(Math.max(...sharpes))]);
  });

  it("reports walk-forward folds that tile the series after the first segment", () => {
    const { result } = runBacktestAnalyst({ dates: spx.dates, close: spx.close, periodsPerYear: 252, profile: depthProfile(1) }, () => {});
    for (const strategy of result.strategies) {
      const folds = strategy.walkForward!.folds;
      expect(folds).toHaveLength(4);
      folds.forEach((fold, i) => {
        expect(fold.train.from).toBe(spx.dates[0]);
        expect(fold.train.to).toBe(fold.test.from);
        if (i > 0) expect(fold.test.from).toBe(folds[i - 1]!.test.to);
      });
      expect(folds[3]!.test.to).toBe(spx.dates[bars - 1]);
      expect(strategy.walkForward!.outOfSample.bars).toBe(folds.reduce((s, f) => s + f.test.bars, 0));
    }
  });
});

describe("walk-forward verdicts", () => {
  const run = (seed: string, drift?: (t: number) => number) => {
    const series = randomWalk("SYN", seed.repeat(16), 2520, drift);
    return runBacktestAnalyst({ dates: series.dates, close: series.close, periodsPerYear: 252, profile: depthProfile(1) }, () => {}).result;
  };

  it("flags the grid winners on pure noise as overfit", () => {
    for (const seed of ["a1", "b2", "c3", "d4"]) {
      for (const strategy of run(seed).strategies) {
        expect(strategy.inSample.sharpe).toBeGreaterThan(0);
        expect(strategy.walkForward!.overfit).toBe(true);
      }
    }
  });

  it("keeps a trend rule that works out of sample on long alternating trends", () => {
    const regimes = (t: number) => (Math.floor(t / 300) % 2 ? -0.002 : 0.002);
    for (const seed of ["a1", "b2", "c3", "d4"]) {
      const sma = run(seed, regimes).strategies.find((s) => s.strategy === "smaCross")!;
      expect(sma.walkForward!.overfit).toBe(false);
      expect(sma.walkForward!.outOfSample.sharpe).toBeGreaterThan(sma.walkForward!.buyAndHold.sharpe);
    }
  });
});
