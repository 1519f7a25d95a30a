import { describe, expect, it } from "vitest";
import { en } from "../messages/en";
import { randomWalk } from "../testing/synthetic-series";
import type { PriceSeries } from "../types";
import { analyseSupportResistance } from "./support-resistance";
import { runTechnicalAnalyst } from "./technical-analyst";

const analyse = (series: PriceSeries, withRange = false) =>
  runTechnicalAnalyst(
    {
      dates: series.dates,
      close: series.close,
      high: withRange ? series.close.map((c) => c * 1.01) : null,
      low: withRange ? series.close.map((c) => c * 0.99) : null,
      interval: series.interval,
      periodsPerYear: 252,
    },
    en,
  );

describe("technical analyst", () => {
  it("reads a steady uptrend as a bullish trend and a steady downtrend as a bearish one", () => {
    const up = analyse(randomWalk("UP", "1".repeat(32), 400, () => 0.004));
    expect(up.trend.checks.map((c) => c.signal)).toEqual(["bullish", "bullish", "bullish", "bullish"]);
    expect(up.trend.signal).toBe("bullish");

    const down = analyse(randomWalk("DOWN", "1".repeat(32), 400, () => -0.004));
    expect(down.trend.signal).toBe("bearish");
    expect(down.trend.sma50!).toBeLessThan(down.trend.sma200!);
    expect(down.score).toBeLessThan(up.score);
  });

  it("calls a straight run of gains overbought and a straight run of losses oversold", () => {
    const ramp = (step: number) => {
      const series = randomWalk("R", "2".repeat(32), 100);
      return { ...series, close: series.close.map((c, t) => (t < 80 ? c : series.close[79]! * (1 + step) ** (t - 79))) };
    };
    const rising = analyse(ramp(0.01)).momentum;
    expect(rising.rsi14).toBeGreaterThan(70);
    expect(rising.checks[0]).toMatchObject({ name: "RSI 14", signal: "bearish" });
    const falling = analyse(ramp(-0.01)).momentum;
    expect(falling.rsi14).toBeLessThan(30);
    expect(falling.checks[0]).toMatchObject({ signal: "bullish" });
  });

  it("leaves out what the data cannot support, without letting it vote", () => {
    const short = analyse(randomWalk("S", "3".repeat(32), 60, () => 0.004));
    expect(short.trend.sma200).toBeNull();
    const sma200 = short.trend.checks.find((c) => c.name === "Close / SMA 200")!;
    expect(sma200).toMatchObject({ available: false, signal: "neutral", reason: "SMA 200 needs at least 200 bars." });
    expect(short.trend.reason).toMatch(/of 2 checks/);
    expect(short.volatility).toMatchObject({ atrSkipped: true, atr14: null });
    expect(analyse(randomWalk("S", "3".repeat(32), 60), true).volatility.atr14).toBeGreaterThan(0);
  });

  it("clusters recent swing points into support below and resistance above the close", () => {
    // A range between ~90 and ~110 touched three times each, ending just above the lower edge.
    const path = [100, 95, 90, 95, 100, 105, 110, 105, 100, 95, 90.5, 95, 100, 105, 109.5, 105, 100, 95, 90.2, 95, 100, 105, 110.2, 105, 100, 96, 92];
    const close = path.flatMap((p, i) => (i === path.length - 1 ? [p] : [p, (p + path[i + 1]!) / 2]));
    const dates = close.map((_, t) => Date.UTC(2020, 0, 1) + t * 86_400_000);
    const sr = analyseSupportResistance(dates, close, null, null, "weekly", 52, en);
    expect(sr.supports[0]!.price).toBeCloseTo((90 + 90.5 + 90.2) / 3, 6);
    expect(sr.supports[0]!.touches).toBe(3);
    expect(sr.resistances[0]!.price).toBeCloseTo((110 + 109.5 + 110.2) / 3, 6);
    expect(sr.resistances[0]!.touches).toBe(3);
    expect(sr.signal).toBe("bullish");
    expect(sr.checks[0]!.reason).toBe("Closer to support 90.23 than to resistance 109.90.");
  });
});
