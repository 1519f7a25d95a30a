/*
 * Rewriting the future must not rewrite the past: after bar K the S&P 500 sample jumps or crashes
 * tenfold, and everything decided up to bar K stays the same.
 */
import { describe, expect, it } from "vitest";
import { depthProfile } from "../depth";
import { sp500Daily } from "../testing/sample-series";
import type { StrategyParams } from "../types";
import { COST_PER_SIDE, runBacktestAnalyst } from "./backtest-analyst";
import { evaluate, workspace } from "./evaluate";
import { rsiReversionStrategy } from "./rsi-reversion";
import { backtestMarket, type Fill } from "./simulate";
import { smaCrossStrategy } from "./sma-cross";
import type { Strategy } from "./strategy";

const original = sp500Daily();
/** Every 97th bar from the 300th: the cut points after which the future is rewritten. */
const CUTS = Array.from({ length: 50 }, (_, i) => 300 + 97 * i);
/** From bar K + 1 on, prices ten times higher or lower: every signal that can flip does. */
const FUTURES = [10, 0.1];

function rewrite(close: number[], k: number, factor: number): number[] {
  return close.map((c, t) => (t <= k ? c : c * factor));
}

function trade<P extends StrategyParams>(close: number[], strategy: (close: number[]) => Strategy<P>, params: P) {
  const fills: Fill[] = [];
  const ws = workspace(backtestMarket(original.dates, close, 252), COST_PER_SIDE);
  const { net } = evaluate(ws, strategy(close), params, { from: 0, to: close.length - 1 }, fills);
  return { fills, net };
}

function expectPastUnchanged<P extends StrategyParams>(strategy: (close: number[]) => Strategy<P>, params: P): void {
  const before = trade(original.close, strategy, params);
  let futureChanged = 0;
  for (const k of CUTS) {
    for (const factor of FUTURES) {
      const after = trade(rewrite(original.close, k, factor), strategy, params);
      // A fill at bar K + 1 was decided at bar K's close and priced at K + 1: it may move in price, not in time.
      const upTo = (fills: Fill[], bar: number) => fills.filter((f) => f.index <= bar);
      expect(upTo(after.fills, k)).toEqual(upTo(before.fills, k));
      expect(upTo(after.fills, k + 1).map((f) => f.index)).toEqual(upTo(before.fills, k + 1).map((f) => f.index));
      expect(after.net.slice(0, k)).toEqual(before.net.slice(0, k));
      if (JSON.stringify(after.fills) !== JSON.stringify(before.fills)) futureChanged++;
    }
  }
  // The rewritten futures do change what happens after K.
  expect(futureChanged).toBeGreaterThan(CUTS.length);
}

describe("no look-ahead", () => {
  it("SMA crossover: fills and returns up to any bar K ignore later prices", () => {
    const params = { strategy: "smaCross", fast: 20, slow: 100 } as const;
    expectPastUnchanged((close) => smaCrossStrategy(close, [params]), params);
  });

  it("RSI mean-reversion: fills and returns up to any bar K ignore later prices", () => {
    const params = { strategy: "rsiReversion", period: 14, lower: 30, upper: 70 } as const;
    expectPastUnchanged((close) => rsiReversionStrategy(close, [params]), params);
  });

  it("walk-forward folds trained (and tested) before bar K are unchanged", () => {
    const K = 3100;
    const run = (close: number[]) =>
      runBacktestAnalyst({ dates: original.dates, close, periodsPerYear: 252, profile: depthProfile(1) }, () => {}).result;
    const [before, after] = [run(original.close), run(rewrite(original.close, K, 0.1))];
    const cutoff = original.dates[K]!;
    let trained = 0;
    let tested = 0;
    before.strategies.forEach((strategy, s) => {
      strategy.walkForward!.folds.forEach((fold, f) => {
        const other = after.strategies[s]!.walkForward!.folds[f]!;
        if (fold.train.to <= cutoff) {
          trained++;
          expect(other.params).toEqual(fold.params);
          expect(other.trainSharpe).toBe(fold.trainSharpe);
        }
        if (fold.test.to <= cutoff) {
          tested++;
          expect(other.outOfSample).toEqual(fold.outOfSample);
        }
      });
    });
    expect(trained).toBe(6);
    expect(tested).toBe(4);
  });
});
