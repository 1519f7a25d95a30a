import { sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { metricsOf, sharpeOf } from "./metrics";

describe("metricsOf", () => {
  it("agrees with direct computations of each metric", () => {
    const random = seededRandom("5eed".repeat(8));
    const returns = Array.from({ length: 500 }, () => (random.next() - 0.48) / 50);
    const net = Float64Array.from(returns);
    const metrics = metricsOf(net, net.length, 2, 252, { entered: 4, won: 3, exposedBars: 400 });

    const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
    const equity = returns.reduce<number[]>((curve, r) => [...curve, curve[curve.length - 1]! * (1 + r)], [1]);
    const drawdowns = equity.map((e, i) => 1 - e / Math.max(...equity.slice(0, i + 1)));
    const downside = Math.sqrt(returns.reduce((s, r) => s + Math.min(r, 0) ** 2, 0) / returns.length);

    expect(metrics.bars).toBe(500);
    expect(metrics.totalReturn).toBeCloseTo(equity[500]! - 1, 12);
    expect(metrics.cagr).toBeCloseTo(Math.sqrt(equity[500]!) - 1, 12);
    expect(metrics.sharpe).toBeCloseTo((mean / sampleStandardDeviation(returns)) * Math.sqrt(252), 9);
    expect(metrics.annualisedVolatility).toBeCloseTo(sampleStandardDeviation(returns) * Math.sqrt(252), 12);
    expect(metrics.sortino).toBeCloseTo((mean / downside) * Math.sqrt(252), 9);
    expect(metrics.maxDrawdown).toBeCloseTo(Math.max(...drawdowns), 12);
    expect(metrics).toMatchObject({ trades: 4, winRate: 0.75, exposure: 0.8 });
  });

  it("gives 0 Sharpe without variance, no Sortino without losses, no win rate without trades", () => {
    const flat = new Float64Array(10);
    expect(sharpeOf(flat, 10, 252)).toBe(0);
    const metrics = metricsOf(Float64Array.from([0.01, 0.02, 0.01]), 3, 0.01, 252, { entered: 0, won: 0, exposedBars: 0 });
    expect(metrics.sortino).toBeNull();
    expect(metrics.winRate).toBeNull();
  });
});
