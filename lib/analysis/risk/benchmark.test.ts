import { describe, expect, it } from "vitest";
import { alignedReturns, benchmarkRelation } from "./benchmark";

const DAY = 86_400_000;

function walk(seed: number, length: number): number[] {
  let x = seed;
  const closes = [100];
  for (let i = 1; i < length; i++) {
    x = (x * 48271) % 2147483647;
    closes.push(closes[i - 1]! * (1 + (x / 2147483647 - 0.5) / 25));
  }
  return closes;
}

describe("benchmark relation", () => {
  it("aligns by date: returns span consecutive dates both series have", () => {
    const asset = { symbol: "A", dates: [1, 2, 3, 5].map((d) => d * DAY), close: [10, 11, 12, 15] };
    const bench = { symbol: "B", dates: [2, 3, 4, 5].map((d) => d * DAY), close: [100, 110, 120, 100] };
    expect(alignedReturns(asset, bench)).toEqual({ asset: [12 / 11 - 1, 15 / 12 - 1], benchmark: [110 / 100 - 1, 100 / 110 - 1] });
  });

  it("gives beta 2 and correlation 1 for twice the benchmark's returns, and nothing from too little overlap", () => {
    const benchClose = walk(7, 300);
    const assetClose = [50];
    for (let i = 1; i < benchClose.length; i++) assetClose.push(assetClose[i - 1]! * (1 + 2 * (benchClose[i]! / benchClose[i - 1]! - 1)));
    const dates = benchClose.map((_, i) => i * DAY);
    const relation = benchmarkRelation({ symbol: "A", dates, close: assetClose }, { symbol: "B", dates, close: benchClose });
    expect(relation.alignedReturns).toBe(299);
    expect(relation.beta).toBeCloseTo(2, 10);
    expect(relation.correlation).toBeCloseTo(1, 10);

    const short = benchmarkRelation({ symbol: "A", dates: dates.slice(0, 10), close: assetClose.slice(0, 10) }, { symbol: "B", dates, close: benchClose });
    expect(short).toEqual({ symbol: "B", alignedReturns: 9, beta: null, correlation: null });
  });
});
