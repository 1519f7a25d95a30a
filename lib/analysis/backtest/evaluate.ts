import { yearsBetween } from "../periods-per-year";
import type { Metrics, StrategyParams } from "../types";
import { metricsOf, sharpeOf } from "./metrics";
import { simulate, type BacktestMarket, type Fill, type WindowTrades } from "./simulate";
import type { Strategy } from "./strategy";
import type { Window } from "./walk-forward";

/** Scratch buffers of one backtest run, reused for every evaluation. */
export interface Workspace {
  market: BacktestMarket;
  costPerSide: number;
  desired: Uint8Array;
  net: Float64Array;
}

export function workspace(market: BacktestMarket, costPerSide: number): Workspace {
  const bars = market.close.length;
  return { market, costPerSide, desired: new Uint8Array(bars), net: new Float64Array(bars) };
}

export interface Evaluation {
  metrics: Metrics;
  trades: WindowTrades;
  /** The window's net bar returns. */
  net: Float64Array;
}

/** Every figure of `params` traded over `window`; `fills` collects its fills. */
export function evaluate<P extends StrategyParams>(
  ws: Workspace,
  strategy: Strategy<P>,
  params: P,
  window: Window,
  fills?: Fill[],
): Evaluation {
  strategy.fill(params, ws.desired, window.from, window.to);
  const trades = simulate(ws.market, ws.desired, window.from, window.to, ws.costPerSide, ws.net, fills);
  const length = window.to - window.from;
  const years = yearsBetween(ws.market.dates[window.from]!, ws.market.dates[window.to]!);
  return {
    metrics: metricsOf(ws.net, length, years, ws.market.periodsPerYear, trades),
    trades,
    net: ws.net.slice(0, length),
  };
}

/** The grid's parameters with the highest Sharpe over `window` (the first of equals). */
export function optimise<P extends StrategyParams>(
  ws: Workspace,
  strategy: Strategy<P>,
  window: Window,
  onEvaluated: (bars: number) => void,
): { params: P; sharpe: number } {
  const length = window.to - window.from;
  let best = { params: strategy.grid[0]!, sharpe: Number.NEGATIVE_INFINITY };
  for (const params of strategy.grid) {
    strategy.fill(params, ws.desired, window.from, window.to);
    simulate(ws.market, ws.desired, window.from, window.to, ws.costPerSide, ws.net);
    const sharpe = sharpeOf(ws.net, length, ws.market.periodsPerYear);
    if (sharpe > best.sharpe) best = { params, sharpe };
    onEvaluated(length);
  }
  return best;
}
