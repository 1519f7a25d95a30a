"use client";

import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { DatasetView } from "@/lib/datasets/dataset-view";
import { PriceChart, type ChartBar } from "../charts/price-chart";
import { DatasetStatusBadge } from "./dataset-status-badge";
import { fetchJson } from "./fetch-json";
import { ImportReport } from "./import-report";

interface Bars {
  symbol: string;
  hasOhlc: boolean;
  truncated: boolean;
  bars: ChartBar[];
}

export function DatasetDetail({ id }: { id: string }) {
  const dataset = useQuery({
    queryKey: ["dataset", id],
    queryFn: () => fetchJson<DatasetView>(`/api/datasets/${id}`),
    refetchInterval: (q) => (q.state.data?.status === "importing" ? 1_000 : false),
  });
  const [picked, setPicked] = useState<string | null>(null);
  const symbol = picked ?? dataset.data?.symbols[0]?.symbol ?? null;
  const bars = useQuery({
    queryKey: ["bars", id, symbol],
    queryFn: () => fetchJson<Bars>(`/api/datasets/${id}/bars?symbol=${encodeURIComponent(symbol!)}`),
    enabled: dataset.data?.status === "ready" && symbol !== null,
    staleTime: Infinity,
  });

  if (dataset.isPending) return <p className="text-slate-500">Loading the dataset…</p>;
  if (dataset.error)
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {dataset.error.message}. <Link href="/datasets" className="underline">Back to datasets</Link>
      </p>
    );
  const d = dataset.data;
  return (
    <article aria-labelledby="dataset-title" className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/datasets" className="text-indigo-700 underline dark:text-indigo-300">
            Datasets
          </Link>
        </p>
        <h1 id="dataset-title" className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {d.name} <DatasetStatusBadge status={d.status} />
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {d.fileName} · {d.rowCount.toLocaleString()} bars · {d.interval ?? "interval unknown"}
          {d.firstDate && ` · ${d.firstDate} → ${d.lastDate}`}
        </p>
        {d.status === "importing" && <p className="text-sm">Importing… {d.job?.progress ?? 0}%</p>}
        {d.status === "failed" && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {d.errorMessage}
          </p>
        )}
      </header>

      {d.status === "ready" && (
        <section aria-labelledby="chart-title" className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="chart-title" className="text-lg font-semibold">
              Prices
            </h2>
            {d.symbols.length > 1 && (
              <label className="text-sm">
                <span className="sr-only">Symbol</span>
                <select
                  value={symbol ?? ""}
                  onChange={(e) => setPicked(e.target.value)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                >
                  {d.symbols.map((s) => (
                    <option key={s.symbol} value={s.symbol}>
                      {s.symbol} ({s.rowCount.toLocaleString()})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Link href={`/analysis/new?symbols=${encodeURIComponent(d.symbols.map((s) => s.symbol).join(","))}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
              Analyse {d.symbols.length === 1 ? d.symbols[0]!.symbol : `these ${d.symbols.length} symbols`}
            </Link>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900" data-testid="price-chart">
            {bars.isPending && <p className="p-6 text-slate-500">Loading prices…</p>}
            {bars.error && <p className="p-6 text-red-700">{bars.error.message}</p>}
            {bars.data && <PriceChart bars={bars.data.bars} label={`${bars.data.symbol} prices`} />}
          </div>
          {bars.data?.truncated && <p className="text-xs text-slate-500">Showing the most recent {bars.data.bars.length.toLocaleString()} bars.</p>}
        </section>
      )}

      <ImportReport report={d.report} />
    </article>
  );
}
