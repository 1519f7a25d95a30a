import { describe, expect, it } from "vitest";
import { tailRisk } from "./tail-risk";

describe("tailRisk", () => {
  it("reads VaR at the interpolated quantile and CVaR as the mean loss beyond it (hand-computed)", () => {
    // 101 returns −50 %, −49 %, …, +50 %: the 5 % quantile is exactly the 6th value (−45 %), the 1 % the 2nd (−49 %).
    const returns = Array.from({ length: 101 }, (_, i) => (i - 50) / 100);
    const risk = tailRisk(returns);
    expect(risk.var95).toBeCloseTo(0.45, 12);
    expect(risk.cvar95).toBeCloseTo((0.5 + 0.49 + 0.48 + 0.47 + 0.46 + 0.45) / 6, 12);
    expect(risk.var99).toBeCloseTo(0.49, 12);
    expect(risk.cvar99).toBeCloseTo((0.5 + 0.49) / 2, 12);
  });

  it("interpolates between order statistics (numpy's linear method)", () => {
    // 10 values: the 5 % quantile sits at position 0.45 between the two smallest.
    const returns = [-0.1, -0.05, 0, 0, 0, 0, 0, 0, 0, 0.02];
    const risk = tailRisk(returns);
    expect(risk.var95).toBeCloseTo(0.1 - 0.45 * 0.05, 12);
    expect(risk.cvar95).toBeCloseTo(0.1, 12);
  });
});
