import type { Scale, Spec } from "vega";

export interface Bar {
  /** Row label, e.g. the system. */
  label: string;
  /** Series within a row, e.g. "p50" / "p95"; one colour each. */
  series: string;
  value: number;
}

/**
 * A horizontal grouped bar chart as a plain Vega spec (vega-lite is not used): one row per label,
 * one bar per series, values printed at the bar ends.
 */
export function barChart({
  title,
  axis,
  bars,
  log = false,
  target,
}: {
  title: string;
  axis: string;
  bars: Bar[];
  log?: boolean;
  /** A dashed line across the chart, e.g. a latency target. */
  target?: { value: number; label: string };
}): Spec {
  const labels = [...new Set(bars.map((b) => b.label))];
  const series = [...new Set(bars.map((b) => b.series))];
  const rowHeight = Math.max(22, series.length * 16 + 6);
  const positive = bars.filter((b) => b.value > 0);
  const values = [...(log ? positive : bars).map((b) => b.value), ...(target ? [target.value] : [])];
  const domain = [log ? Math.min(...values) : 0, Math.max(...values)];
  const xScale: Scale = log
    ? { name: "x", type: "log", domain, range: "width", nice: true }
    : { name: "x", type: "linear", domain, range: "width", nice: true, zero: true };
  return {
    $schema: "https://vega.github.io/schema/vega/v6.json",
    width: 520,
    height: labels.length * rowHeight,
    padding: { left: 8, right: 64, top: 8, bottom: 8 },
    background: "white",
    title: { text: title, anchor: "start", fontSize: 14 },
    data: [{ name: "bars", values: log ? positive : bars }],
    scales: [
      { name: "y", type: "band", domain: labels, range: "height", padding: 0.15 },
      xScale,
      { name: "color", type: "ordinal", domain: series, range: ["#4c78a8", "#f58518", "#54a24b", "#b279a2"] },
    ],
    axes: [
      { orient: "bottom", scale: "x", title: axis, grid: true, tickCount: 6, format: "~s" },
      { orient: "left", scale: "y", labelLimit: 280 },
    ],
    legends: series.length > 1 ? [{ fill: "color", orient: "bottom", direction: "horizontal" }] : [],
    marks: [
      {
        type: "group",
        from: { facet: { data: "bars", name: "row", groupby: "label" } },
        encode: { enter: { y: { scale: "y", field: "label" }, height: { scale: "y", band: 1 } } },
        // Inside each row, "height" is the row's band: the series share it.
        signals: [{ name: "height", update: "bandwidth('y')" }],
        scales: [{ name: "inner", type: "band", range: "height", domain: series, padding: 0.05 }],
        marks: [
          {
            name: "bar",
            type: "rect",
            from: { data: "row" },
            encode: {
              enter: {
                y: { scale: "inner", field: "series" },
                height: { scale: "inner", band: 1 },
                x: log ? { value: 0 } : { scale: "x", value: 0 },
                x2: { scale: "x", field: "value" },
                fill: { scale: "color", field: "series" },
              },
            },
          },
          {
            type: "text",
            from: { data: "bar" },
            encode: {
              enter: {
                x: { field: "x2", offset: 3 },
                y: { field: "y", offset: { field: "height", mult: 0.5 } },
                baseline: { value: "middle" },
                fontSize: { value: 10 },
                text: { signal: "datum.datum.value >= 100 ? format(datum.datum.value, ',.0f') : format(datum.datum.value, '.3~g')" },
              },
            },
          },
        ],
      },
      ...(target
        ? [
            {
              type: "rule" as const,
              encode: {
                enter: {
                  x: { scale: "x", value: target.value },
                  y: { value: 0 },
                  y2: { signal: "height" },
                  stroke: { value: "#d62728" },
                  strokeDash: { value: [4, 3] },
                },
              },
            },
            {
              type: "text" as const,
              encode: {
                enter: {
                  x: { scale: "x", value: target.value, offset: 3 },
                  y: { value: -2 },
                  fill: { value: "#d62728" },
                  fontSize: { value: 10 },
                  text: { value: target.label },
                },
              },
            },
          ]
        : []),
    ],
  };
}
