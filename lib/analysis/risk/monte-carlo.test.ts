import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { simpleReturns } from "../returns";
import { sp500Daily } from "../testing/sample-series";
import { monteCarloTailRisk } from "./monte-carlo";
import { tailRisk } from "./tail-risk";

const returns = simpleReturns(sp500Daily().close);
const SEED = "0123456789abcdef0123456789abcdef";

describe("monteCarloTailRisk", () => {
  it("is reproducible for a seed and changes with the seed", () => {
    const run = (seed: string) => monteCarloTailRisk(returns, [1, 10], 20_000, seededRandom(seed), () => {});
    const first = run(SEED);
    expect(run(SEED)).toEqual(first);
    expect(run("fedcba9876543210fedcba9876543210")).not.toEqual(first);
  });

  it("converges to the historical figures over one bar, and a 10-bar horizon loses more", () => {
    const [oneBar, tenBars] = monteCarloTailRisk(returns, [1, 10], 200_000, seededRandom(SEED), () => {});
    const historical = tailRisk([...returns].sort((a, b) => a - b));
    expect(oneBar!.bars).toBe(1);
    expect(oneBar!.var95).toBeCloseTo(historical.var95, 3);
    expect(oneBar!.var99).toBeCloseTo(historical.var99, 3);
    expect(Math.abs(oneBar!.cvar99 / historical.cvar99 - 1)).toBeLessThan(0.03);
    // i.i.d. draws: a 10-bar loss quantile grows roughly with √10.
    expect(tenBars!.var99 / oneBar!.var99).toBeGreaterThan(2);
    expect(tenBars!.var99 / oneBar!.var99).toBeLessThan(4);
  });

  it("reports progress from 0 towards 1", () => {
    const fractions: number[] = [];
    monteCarloTailRisk(returns, [1], 1_000, seededRandom(SEED), (f) => fractions.push(f));
    expect(fractions[0]).toBe(0);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
    expect(fractions[fractions.length - 1]).toBeLessThan(1);
  });
});
