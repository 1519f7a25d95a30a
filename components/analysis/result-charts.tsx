"use client";

import { useMemo } from "react";
import type { ChartData } from "@/lib/analysis/types";
import { LineChart, PriceChart, type ChartLine } from "../charts/price-chart";
import { day } from "./figures";

/** Chart times are UTC seconds. */
const dayOf = (seconds: number) => day(seconds * 1000);

function line(name: string, color: string, times: string[], values: (number | null)[]): ChartLine {
  const data: ChartLine["data"] = [];
  values.forEach((v, i) => {
    if (v !== null) data.push({ time: times[i]!, value: v });
  });
  return { name, color, data };
}

/** The price chart with SMA and Bollinger overlays and the best strategy's trades, then the equity curves. */
export function ResultCharts({ symbol, chart }: { symbol: string; chart: ChartData }) {
  const { bars, overlays, markers, equity } = useMemo(() => {
    const times = chart.time.map(dayOf);
    return {
      bars: chart.close.map((close, i) => ({
        time: times[i]!,
        open: chart.open?.[i] ?? null,
        high: chart.high?.[i] ?? null,
        low: chart.low?.[i] ?? null,
        close,
      })),
      overlays: [
        line("SMA 20", "#f59e0b", times, chart.overlays.sma20),
        line("SMA 50", "#3b82f6", times, chart.overlays.sma50),
        line("SMA 200", "#a855f7", times, chart.overlays.sma200),
        line("BB upper", "#94a3b8", times, chart.overlays.bollingerUpper),
        line("BB lower", "#94a3b8", times, chart.overlays.bollingerLower),
      ],
      markers: chart.trades.map((t) => ({ time: dayOf(t.time), side: t.side, text: t.side === "buy" ? "B" : "S" })),
      equity: chart.equity
        ? [line("Buy and hold", "#64748b", times, chart.equity.buyAndHold), line("Best strategy", "#4f46e5", times, chart.equity.best)]
        : null,
    };
  }, [chart]);

  return (
    <>
      <section aria-labelledby="price-title" className="space-y-2">
        <h2 id="price-title" className="text-lg font-semibold">
          Price, indicators and trades
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900" data-testid="result-chart">
          <PriceChart bars={bars} overlays={overlays} markers={markers} label={`${symbol} price with indicators and trades`} />
        </div>
      </section>
      {equity && (
        <section aria-labelledby="equity-title" className="space-y-2">
          <h2 id="equity-title" className="text-lg font-semibold">
            Equity curves (growth of 1)
          </h2>
          <div className="rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
            <LineChart lines={equity} label={`${symbol} equity curves`} />
          </div>
        </section>
      )}
    </>
  );
}
