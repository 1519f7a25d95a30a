import type { Histogram, MetricValueWithName, Registry } from "prom-client";

/**
 * A Prometheus histogram labelled by job kind, for the worker's hot path. prom-client's own
 * histogram validates and hashes the labels on every observation, even through `labels()`: with
 * very short jobs, its two observations per job took about a tenth of a worker's CPU time
 * (bench/registry). This one keeps each kind's counts in an array and hands prom-client the same
 * series at scrape time (`_bucket` by `le`, `_sum`, `_count`), so the exposition is unchanged.
 */
export class KindHistogram {
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly series = new Map<string, { buckets: Float64Array; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    // prom-client's registry reads any object with these members (name, get, reset); its types name its own classes only.
    registry.registerMetric(this as unknown as Histogram);
  }

  observe(kind: string, seconds: number): void {
    let s = this.series.get(kind);
    if (!s) {
      s = { buckets: new Float64Array(this.upperBounds.length), sum: 0, count: 0 };
      this.series.set(kind, s);
    }
    let i = 0;
    while (i < this.upperBounds.length && seconds > this.upperBounds[i]!) i++;
    if (i < this.upperBounds.length) s.buckets[i]!++;
    s.sum += seconds;
    s.count++;
  }

  /** What prom-client's registry reads to print and to export as JSON. */
  async get() {
    const values: MetricValueWithName<string>[] = [];
    for (const [kind, s] of this.series) {
      let cumulative = 0;
      this.upperBounds.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, kind }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: "+Inf", kind }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: { kind }, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: { kind }, value: s.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const s of this.series.values()) {
      s.buckets.fill(0);
      s.sum = 0;
      s.count = 0;
    }
  }
}
