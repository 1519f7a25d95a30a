import { sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { en } from "../messages/en";
import { runAnalysis } from "../run-analysis";
import { runRiskAnalyst } from "../risk/risk-analyst";
import { randomWalk } from "../testing/synthetic-series";
import { decide } from "./decide";
import { riskLevelOf } from "./risk-level";
import { stopLoss } from "./stop-loss";

const decisionFor = (seed: string, drift: number) =>
  runAnalysis({
    series: randomWalk("X", seed.repeat(32), 1500, () => drift),
    options: { depth: 1, analysts: ["technical", "risk", "backtest"], language: "en" },
  }).decision;

describe("decide", () => {
  it("buys steady uptrends and does not buy steady downtrends", () => {
    const seeds = ["1", "2", "3", "4"];
    const ups = seeds.map((s) => decisionFor(s, 0.003));
    const downs = seeds.map((s) => decisionFor(s, -0.003));
    for (const up of ups) {
      expect(up.action).toBe("BUY");
      expect(up.confidence).toBeGreaterThan(0.5);
      expect(up.stopLoss.side).toBe("below");
    }
    for (const down of downs) {
      expect(down.action).not.toBe("BUY");
      expect(down.score).toBeLessThan(0);
    }
    const sells = downs.filter((d) => d.action === "SELL");
    expect(sells.length).toBeGreaterThanOrEqual(3);
    for (const sell of sells) expect(sell.stopLoss.side).toBe("above");
  });

  it("decides on the analysts that ran: calm risk alone is no reason to trade, high risk leans to selling", () => {
    const calm = randomWalk("CALM", "5".repeat(32), 300);
    const calmRisk = runRiskAnalyst({ series: calm, benchmark: null, periodsPerYear: 252, fingerprint: "0", paths: 100 }, () => {});
    const onlyCalm = decide({ close: calm.close, high: null, low: null, risk: calmRisk }, en);
    expect(onlyCalm).toMatchObject({ action: "HOLD", score: 0, riskLevel: "low" });
    expect(onlyCalm.reasons).toHaveLength(1);

    const wild = { ...calm, close: calm.close.map((c, t) => c * (t % 2 ? 1.05 : 0.95)) };
    const wildRisk = runRiskAnalyst({ series: wild, benchmark: null, periodsPerYear: 252, fingerprint: "0", paths: 100 }, () => {});
    const onlyWild = decide({ close: wild.close, high: null, low: null, risk: wildRisk }, en);
    expect(onlyWild).toMatchObject({ action: "SELL", riskLevel: "high" });
    expect(onlyWild.reasons[0]).toMatch(/^Risk is high: annualised volatility/);
  });
});

describe("risk level", () => {
  it("bands annualised volatility at 18 % and 35 %", () => {
    expect([0.1, 0.179, 0.18, 0.349, 0.35, 0.9].map(riskLevelOf)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });
});

describe("stop-loss", () => {
  it("sits 2 × ATR 14 from the close when high and low are known", () => {
    // Every bar spans close ± 1 around a flat close: the true range, hence the ATR, is 2.
    const close = new Array<number>(30).fill(50);
    const stop = stopLoss(close, close.map((c) => c + 1), close.map((c) => c - 1), "below");
    expect(stop).toEqual({ price: 46, basis: "atr", distance: 4, side: "below" });
    expect(stopLoss(close, close.map((c) => c + 1), close.map((c) => c - 1), "above").price).toBe(54);
  });

  it("falls back to 2 × the 14-bar return volatility × close for close-only data", () => {
    const close = Array.from({ length: 30 }, (_, t) => 100 * (t % 2 ? 1.02 : 1));
    const sigma = sampleStandardDeviation(close.slice(-15).map((c, i, w) => (i ? c / w[i - 1]! - 1 : Number.NaN)).slice(1));
    const stop = stopLoss(close, null, null, "below");
    expect(stop.basis).toBe("volatility");
    expect(stop.distance).toBeCloseTo(2 * sigma * close[29]!, 10);
    expect(stop.price).toBeCloseTo(close[29]! - stop.distance, 10);
  });
});
