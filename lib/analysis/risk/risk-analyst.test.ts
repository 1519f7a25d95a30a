/*
 * The risk analyst's figures on the S&P 500 sample, pinned against an independent plain-Python
 * computation of the same definitions (sample standard deviation × √252; numpy-style linear
 * quantiles), run once by hand.
 */
import { describe, expect, it } from "vitest";
import { sp500Daily } from "../testing/sample-series";
import { runRiskAnalyst } from "./risk-analyst";

const spx = sp500Daily();

describe("runRiskAnalyst", () => {
  it("matches the reference volatility and historical VaR/CVaR, with Monte-Carlo horizons of 1 and 10 bars", () => {
    const risk = runRiskAnalyst({ series: spx, benchmark: null, periodsPerYear: 252, fingerprint: "ab".repeat(32), paths: 10_000 }, () => {});
    expect(risk.returns).toBe(spx.close.length - 1);
    expect(risk.annualisedVolatility).toBeCloseTo(0.19891431, 7);
    expect(risk.historical.var95).toBeCloseTo(0.01893896, 7);
    expect(risk.historical.cvar95).toBeCloseTo(0.03022466, 7);
    expect(risk.historical.var99).toBeCloseTo(0.03450821, 7);
    expect(risk.historical.cvar99).toBeCloseTo(0.05147619, 7);
    expect(risk.maxDrawdown?.depth).toBeCloseTo(0.56775388, 7);
    expect(risk.monteCarlo.horizons.map((h) => h.bars)).toEqual([1, 10]);
    expect(risk.monteCarlo.seed).toBe("ab".repeat(16));
    expect(risk.benchmark).toBeNull();
  });

  it("relates the series to a benchmark: a series against itself has beta and correlation 1", () => {
    const risk = runRiskAnalyst({ series: spx, benchmark: { ...spx, symbol: "SPX2" }, periodsPerYear: 252, fingerprint: "00", paths: 100 }, () => {});
    expect(risk.benchmark).toMatchObject({ symbol: "SPX2", alignedReturns: spx.close.length - 1 });
    expect(risk.benchmark?.beta).toBeCloseTo(1, 12);
    expect(risk.benchmark?.correlation).toBeCloseTo(1, 12);
  });
});
