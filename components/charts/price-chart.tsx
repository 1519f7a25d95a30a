"use client";

import { useEffect, useRef } from "react";
import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type SeriesMarker,
  type Time,
} from "lightweight-charts";

export interface ChartBar {
  time: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume?: number | null;
}

export interface ChartLine {
  name: string;
  color: string;
  data: { time: string; value: number }[];
}

export interface ChartMarker {
  time: string;
  side: "buy" | "sell";
  text?: string;
}

interface Props {
  bars: ChartBar[];
  overlays?: ChartLine[];
  markers?: ChartMarker[];
  height?: number;
  label: string;
}

/** Candlesticks where the bars have OHLC (a close line otherwise), volume, indicator overlays and trade markers. */
export function PriceChart({ bars, overlays = [], markers = [], height = 380, label }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    if (!el || bars.length === 0) return;
    const chart = createChart(el, { height, autoSize: true, ...chartTheme() });
    const ohlc = bars.every((b) => b.open !== null && b.high !== null && b.low !== null);
    const price = ohlc
      ? chart.addSeries(CandlestickSeries, { upColor: "#059669", downColor: "#dc2626", borderVisible: false, wickUpColor: "#059669", wickDownColor: "#dc2626" })
      : chart.addSeries(LineSeries, { color: "#4f46e5", lineWidth: 2 });
    price.setData(
      ohlc
        ? bars.map((b) => ({ time: b.time as Time, open: b.open!, high: b.high!, low: b.low!, close: b.close }))
        : bars.map((b) => ({ time: b.time as Time, value: b.close })),
    );
    if (bars.some((b) => b.volume)) {
      const volume = chart.addSeries(HistogramSeries, { priceScaleId: "volume", priceFormat: { type: "volume" }, color: "#94a3b888" });
      chart.priceScale("volume").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
      volume.setData(bars.map((b) => ({ time: b.time as Time, value: b.volume ?? 0 })));
    }
    for (const line of overlays) {
      chart.addSeries(LineSeries, { color: line.color, lineWidth: 1, title: line.name, priceLineVisible: false, lastValueVisible: false }).setData(
        line.data.map((p) => ({ time: p.time as Time, value: p.value })),
      );
    }
    if (markers.length) {
      const points: SeriesMarker<Time>[] = markers.map((m) => ({
        time: m.time as Time,
        position: m.side === "buy" ? "belowBar" : "aboveBar",
        color: m.side === "buy" ? "#059669" : "#dc2626",
        shape: m.side === "buy" ? "arrowUp" : "arrowDown",
        text: m.text,
      }));
      createSeriesMarkers(price, points);
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [bars, overlays, markers, height]);

  return <div ref={container} role="img" aria-label={label} style={{ height }} className="w-full" />;
}

/** An equity curve or any single line over time. */
export function LineChart({ lines, height = 260, label }: { lines: ChartLine[]; height?: number; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = container.current;
    if (!el || lines.length === 0) return;
    const chart: IChartApi = createChart(el, { height, autoSize: true, ...chartTheme() });
    for (const line of lines) {
      chart.addSeries(LineSeries, { color: line.color, lineWidth: 2, title: line.name, priceLineVisible: false }).setData(
        line.data.map((p) => ({ time: p.time as Time, value: p.value })),
      );
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [lines, height]);
  return <div ref={container} role="img" aria-label={label} style={{ height }} className="w-full" />;
}

function chartTheme() {
  const dark = document.documentElement.classList.contains("dark");
  return {
    layout: { background: { type: ColorType.Solid, color: "transparent" }, textColor: dark ? "#cbd5e1" : "#334155" },
    grid: { vertLines: { color: dark ? "#1e293b" : "#e2e8f0" }, horzLines: { color: dark ? "#1e293b" : "#e2e8f0" } },
  };
}
