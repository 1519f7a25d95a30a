import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { KindHistogram } from "./kind-histogram";

const BOUNDS = [0.005, 0.05, 1];
const OBSERVED: [string, number][] = [
  ["import", 0.001],
  ["import", 0.005],
  ["analysis", 0.3],
  ["import", 0.06],
  ["analysis", 7],
  ["import", 1],
];

function promClientText(): Promise<string> {
  const registry = new Registry();
  const histogram = new Histogram({ name: "h_seconds", help: "Help", labelNames: ["kind"], buckets: BOUNDS, registers: [registry] });
  for (const [kind, s] of OBSERVED) histogram.observe({ kind }, s);
  return registry.metrics();
}

describe("KindHistogram", () => {
  it("prints the same series as prom-client's histogram for the same observations", async () => {
    const registry = new Registry();
    const histogram = new KindHistogram("h_seconds", "Help", BOUNDS, registry);
    for (const [kind, s] of OBSERVED) histogram.observe(kind, s);
    const text = await registry.metrics();
    expect(text).toContain('h_seconds_bucket{le="0.005",kind="import"} 2');
    expect(text).toContain('h_seconds_bucket{le="+Inf",kind="analysis"} 2');
    expect(text).toBe(await promClientText());
  });

  it("starts again from zero when the registry is reset", async () => {
    const registry = new Registry();
    const histogram = new KindHistogram("h_seconds", "Help", BOUNDS, registry);
    histogram.observe("import", 0.2);
    registry.resetMetrics();
    histogram.observe("import", 0.001);
    const text = await registry.metrics();
    expect(text).toContain('h_seconds_count{kind="import"} 1');
    expect(text).toContain('h_seconds_bucket{le="0.005",kind="import"} 1');
    expect(text).toContain('h_seconds_bucket{le="1",kind="import"} 1');
    expect(text).toContain('h_seconds_sum{kind="import"} 0.001');
  });
});
