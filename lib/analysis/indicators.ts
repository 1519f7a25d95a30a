/*
 * Whole-series indicator values computed with trading-signals. Each returns one value per bar,
 * NaN while the indicator is still warming up. Every value at bar t depends only on bars 0…t.
 */
import { ATR, BollingerBands, EMA, MACD, RSI, SMA, SwingHigh, SwingLow } from "trading-signals";

function run(length: number, step: (t: number) => number | null): Float64Array {
  const out = new Float64Array(length).fill(Number.NaN);
  for (let t = 0; t < length; t++) {
    const value = step(t);
    if (value !== null) out[t] = value;
  }
  return out;
}

export function smaSeries(values: readonly number[], period: number): Float64Array {
  const sma = new SMA(period);
  return run(values.length, (t) => sma.add(values[t]!));
}

/** trading-signals seeds the EMA with the first value; it counts as ready after `period` values. */
export function emaSeries(values: readonly number[], period: number): Float64Array {
  const ema = new EMA(period);
  return run(values.length, (t) => {
    const value = ema.add(values[t]!);
    return ema.isStable ? value : null;
  });
}

/** Wilder's RSI (smoothed averages of gains and losses). */
export function rsiSeries(values: readonly number[], period: number): Float64Array {
  const rsi = new RSI(period);
  return run(values.length, (t) => rsi.add(values[t]!));
}

export interface MacdSeries {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/** MACD line = EMA(fast) − EMA(slow); signal = EMA(signalPeriod) of the line; ready once the signal is. */
export function macdSeries(values: readonly number[], fast: number, slow: number, signalPeriod: number): MacdSeries {
  const macd = new MACD(new EMA(fast), new EMA(slow), new EMA(signalPeriod));
  const out: MacdSeries = {
    macd: new Float64Array(values.length).fill(Number.NaN),
    signal: new Float64Array(values.length).fill(Number.NaN),
    histogram: new Float64Array(values.length).fill(Number.NaN),
  };
  for (let t = 0; t < values.length; t++) {
    const result = macd.add(values[t]!);
    if (result && macd.signal.isStable) {
      out.macd[t] = result.macd;
      out.signal[t] = result.signal;
      out.histogram[t] = result.histogram;
    }
  }
  return out;
}

export interface BandSeries {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/** Bollinger bands: SMA(period) ± multiplier × population standard deviation. */
export function bollingerSeries(values: readonly number[], period: number, multiplier: number): BandSeries {
  const bands = new BollingerBands(period, multiplier);
  const out: BandSeries = {
    upper: new Float64Array(values.length).fill(Number.NaN),
    middle: new Float64Array(values.length).fill(Number.NaN),
    lower: new Float64Array(values.length).fill(Number.NaN),
  };
  for (let t = 0; t < values.length; t++) {
    const result = bands.add(values[t]!);
    if (result) {
      out.upper[t] = result.upper;
      out.middle[t] = result.middle;
      out.lower[t] = result.lower;
    }
  }
  return out;
}

/** Wilder's average true range. */
export function atrSeries(
  high: readonly number[],
  low: readonly number[],
  close: readonly number[],
  period: number,
): Float64Array {
  const atr = new ATR(period);
  return run(close.length, (t) => atr.add({ high: high[t]!, low: low[t]!, close: close[t]! }));
}

export interface SwingPoint {
  index: number;
  price: number;
}

/**
 * Bars whose high (low) is strictly above (below) the `lookback` bars on each side. A swing point is
 * only known `lookback` bars after it happened.
 */
export function swingPoints(
  high: readonly number[],
  low: readonly number[],
  lookback: number,
): { highs: SwingPoint[]; lows: SwingPoint[] } {
  const swingHigh = new SwingHigh({ lookback });
  const swingLow = new SwingLow({ lookback });
  const highs: SwingPoint[] = [];
  const lows: SwingPoint[] = [];
  for (let t = 0; t < high.length; t++) {
    const candle = { high: high[t]!, low: low[t]! };
    const h = swingHigh.add(candle);
    const l = swingLow.add(candle);
    if (h !== null) highs.push({ index: t - lookback, price: h });
    if (l !== null) lows.push({ index: t - lookback, price: l });
  }
  return { highs, lows };
}

/** The last value of an indicator series, or null while it is warming up. */
export function lastValue(series: Float64Array): number | null {
  const value = series[series.length - 1];
  return value === undefined || Number.isNaN(value) ? null : value;
}
