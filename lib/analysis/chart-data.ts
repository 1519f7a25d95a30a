import type { BacktestOutput } from "./backtest/backtest-analyst";
import { bollingerSeries, smaSeries } from "./indicators";
import type { ChartData, PriceSeries } from "./types";

/** Significant digits: enough to draw with (see ChartData), few enough to stay small. */
const PRICE_DIGITS = 5;
const LINE_DIGITS = 4;

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

function line(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : round(v, LINE_DIGITS)));
}

function prices(values: readonly number[]): number[] {
  return values.map((v) => round(v, PRICE_DIGITS));
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Bars, SMA and Bollinger overlays, the best strategy's fills and the equity curves. */
export function chartData(series: PriceSeries, withHighLow: boolean, backtest: BacktestOutput | null): ChartData {
  const { close } = series;
  const bands = bollingerSeries(close, 20, 2);
  const candles = withHighLow && series.open !== null && series.open.every((v) => Number.isFinite(v) && v > 0);
  return {
    time: series.dates.map(seconds),
    open: candles ? prices(series.open!) : null,
    high: candles ? prices(series.high!) : null,
    low: candles ? prices(series.low!) : null,
    close: prices(close),
    overlays: {
      sma20: line(smaSeries(close, 20)),
      sma50: line(smaSeries(close, 50)),
      sma200: line(smaSeries(close, 200)),
      bollingerUpper: line(bands.upper),
      bollingerLower: line(bands.lower),
    },
    trades: backtest ? backtest.trades.map((t) => ({ time: seconds(t.date), side: t.side, price: round(t.price, PRICE_DIGITS) })) : [],
    equity: backtest?.equity
      ? {
          strategy: backtest.equity.strategy,
          buyAndHold: backtest.equity.buyAndHold.map((v) => round(v, LINE_DIGITS)),
          best: backtest.equity.best.map((v) => round(v, LINE_DIGITS)),
        }
      : null,
  };
}
