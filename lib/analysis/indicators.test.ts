/*
 * trading-signals' indicators against straightforward textbook implementations (testing/), over the
 * whole S&P 500 sample, plus last-bar values pinned from an independent plain-Python computation of
 * the same definitions (run once by hand; the numbers are copied below).
 */
import { describe, expect, it } from "vitest";
import { atrSeries, bollingerSeries, emaSeries, lastValue, macdSeries, rsiSeries, smaSeries, swingPoints } from "./indicators";
import { referenceEma, referenceRsi, referenceSma, wilder } from "./testing/reference-indicators";
import { sp500Daily } from "./testing/sample-series";

const spx = sp500Daily();
const close = spx.close;
const high = spx.high!;
const low = spx.low!;

function expectClose(actual: Float64Array, expected: number[], from: number, relative: number): void {
  for (let t = from; t < expected.length; t++) {
    expect(Math.abs(actual[t]! - expected[t]!)).toBeLessThanOrEqual(relative * Math.abs(expected[t]!));
  }
}

describe("indicators (trading-signals) on the S&P 500 sample", () => {
  it("SMA equals the rolling mean, NaN during warm-up", () => {
    for (const period of [20, 50, 200]) {
      const sma = smaSeries(close, period);
      expect(Number.isNaN(sma[period - 2]!)).toBe(true);
      expectClose(sma, referenceSma(close, period), period - 1, 1e-12);
    }
  });

  it("EMA converges to the SMA-seeded textbook EMA (the library seeds with the first close)", () => {
    for (const period of [12, 26]) {
      const ema = emaSeries(close, period);
      expect(Number.isNaN(ema[period - 2]!)).toBe(true);
      expect(Number.isNaN(ema[period - 1]!)).toBe(false);
      // The seeds' difference decays by (1 − 2/(p+1)) per bar: gone after a few hundred bars.
      expectClose(ema, referenceEma(close, period), 1000, 1e-12);
    }
  });

  it("RSI is Wilder's RSI from the first ready bar on", () => {
    const rsi = rsiSeries(close, 14);
    expect(Number.isNaN(rsi[13]!)).toBe(true);
    expectClose(rsi, referenceRsi(close, 14), 14, 1e-9);
  });

  it("MACD is EMA 12 − EMA 26 with a 9-bar EMA signal", () => {
    const macd = macdSeries(close, 12, 26, 9);
    const slow = referenceEma(close, 26);
    const line = referenceEma(close, 12).map((v, t) => v - slow[t]!);
    const signal = [...new Array<number>(25).fill(Number.NaN), ...referenceEma(line.slice(25), 9)];
    for (let t = 1000; t < close.length; t++) {
      expect(macd.macd[t]).toBeCloseTo(line[t]!, 6);
      expect(macd.signal[t]).toBeCloseTo(signal[t]!, 6);
      expect(macd.histogram[t]).toBeCloseTo(line[t]! - signal[t]!, 6);
    }
  });

  it("Bollinger bands are SMA 20 ± 2 population standard deviations", () => {
    const bands = bollingerSeries(close, 20, 2);
    const middle = referenceSma(close, 20);
    const deviation = close.map((_, t) => {
      if (t < 19) return Number.NaN;
      const window = close.slice(t - 19, t + 1);
      return Math.sqrt(window.reduce((s, v) => s + (v - middle[t]!) ** 2, 0) / 20);
    });
    expectClose(bands.middle, middle, 19, 1e-12);
    expectClose(bands.upper, middle.map((m, t) => m + 2 * deviation[t]!), 19, 1e-9);
    expectClose(bands.lower, middle.map((m, t) => m - 2 * deviation[t]!), 19, 1e-9);
  });

  it("ATR is Wilder's average of the true range", () => {
    const trueRange = close.map((_, t) =>
      t === 0 ? high[0]! - low[0]! : Math.max(high[t]! - low[t]!, Math.abs(high[t]! - close[t - 1]!), Math.abs(low[t]! - close[t - 1]!)),
    );
    const atr = atrSeries(high, low, close, 14);
    expect(Number.isNaN(atr[12]!)).toBe(true);
    expectClose(atr, wilder(trueRange, 14), 13, 1e-9);
  });

  it("matches the independently computed values of the last bar (2020-04-17)", () => {
    expect(lastValue(smaSeries(close, 20))).toBeCloseTo(2613.104492, 5);
    expect(lastValue(smaSeries(close, 50))).toBeCloseTo(2863.090586, 5);
    expect(lastValue(smaSeries(close, 200))).toBeCloseTo(3012.692692, 5);
    expect(lastValue(emaSeries(close, 12))).toBeCloseTo(2735.843219, 5);
    expect(lastValue(emaSeries(close, 26))).toBeCloseTo(2719.447204, 5);
    expect(lastValue(rsiSeries(close, 14))).toBeCloseTo(57.362696, 5);
    const macd = macdSeries(close, 12, 26, 9);
    expect(lastValue(macd.macd)).toBeCloseTo(16.396015, 5);
    expect(lastValue(macd.signal)).toBeCloseTo(-35.490927, 5);
    const bands = bollingerSeries(close, 20, 2);
    expect(lastValue(bands.upper)).toBeCloseTo(2958.156598, 5);
    expect(lastValue(bands.lower)).toBeCloseTo(2268.052386, 5);
    expect(lastValue(atrSeries(high, low, close, 14))).toBeCloseTo(109.579009, 5);
  });
});

describe("swing points", () => {
  it("finds strict local extremes `lookback` bars either side, dated at the extreme", () => {
    const prices = [1, 2, 5, 2, 1, 0.5, 1, 3, 3, 2, 1, 2, 4];
    const { highs, lows } = swingPoints(prices, prices, 2);
    expect(highs).toEqual([{ index: 2, price: 5 }]); // the 3, 3 plateau is not strict
    expect(lows).toEqual([{ index: 5, price: 0.5 }, { index: 10, price: 1 }]);
  });
});
