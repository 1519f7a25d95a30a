"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SymbolWithData } from "@/lib/datasets/list-symbols-for-viewer";
import { MAX_BATCH } from "@/lib/analysis/analysis-request";
import { parseSymbolList } from "@/lib/analysis/parse-symbol-list";
import type { WatchlistView } from "@/lib/watchlists/watchlist-view";
import { fetchJson } from "../datasets/fetch-json";
import { newScheduleHref } from "../schedules/schedule-prefill";
import { AnalysisOptionsFields, useAnalysisOptions } from "./analysis-options";

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";

export function AnalysisForm() {
  const router = useRouter();
  const params = useSearchParams();
  const client = useQueryClient();
  const [text, setText] = useState(() => (params.get("symbols") ?? "").split(",").filter(Boolean).join("\n"));
  const [title, setTitle] = useState("");
  const options = useAnalysisOptions();
  const [watchlistName, setWatchlistName] = useState("");
  // One key per submission attempt: a double click sends the same key and gets the same batch.
  const idempotencyKey = useRef(crypto.randomUUID());

  const symbolsQuery = useQuery({ queryKey: ["symbols"], queryFn: () => fetchJson<{ symbols: SymbolWithData[] }>("/api/symbols") });
  const watchlists = useQuery({ queryKey: ["watchlists"], queryFn: () => fetchJson<{ watchlists: WatchlistView[] }>("/api/watchlists") });
  const known = useMemo(() => new Map((symbolsQuery.data?.symbols ?? []).map((s) => [s.symbol, s])), [symbolsQuery.data]);
  const list = useMemo(() => parseSymbolList(text), [text]);
  const unknown = symbolsQuery.data ? list.symbols.filter((s) => !known.has(s)) : [];
  const tooMany = list.symbols.length > MAX_BATCH;

  const submit = useMutation({
    mutationFn: () =>
      fetchJson<{ batchId: string; jobIds: string[] }>("/api/analyses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          symbols: list.symbols,
          title: title || undefined,
          ...options.request(),
          idempotencyKey: idempotencyKey.current,
        }),
      }),
    onSuccess: ({ batchId }) => {
      idempotencyKey.current = crypto.randomUUID();
      router.push(`/tasks?batch=${batchId}`);
    },
  });
  const saveWatchlist = useMutation({
    mutationFn: () =>
      fetchJson<WatchlistView>("/api/watchlists", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: watchlistName, symbols: list.symbols }),
      }),
    onSuccess: () => {
      setWatchlistName("");
      void client.invalidateQueries({ queryKey: ["watchlists"] });
    },
  });

  const canSubmit = list.symbols.length > 0 && unknown.length === 0 && !tooMany && options.valid && !submit.isPending;

  return (
    <section aria-labelledby="new-analysis-title" className="max-w-3xl space-y-6">
      <h1 id="new-analysis-title" className="text-2xl font-semibold tracking-tight">
        New analysis
      </h1>
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) submit.mutate();
        }}
      >
        <div>
          <div className="flex flex-wrap items-end justify-between gap-2">
            <label htmlFor="symbols" className="text-sm font-medium">
              Symbols <span className="font-normal text-slate-500">(one per line, or separated by commas or spaces)</span>
            </label>
            {watchlists.data && watchlists.data.watchlists.length > 0 && (
              <label className="text-sm">
                <span className="sr-only">Load a watchlist</span>
                <select
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
                  value=""
                  onChange={(e) => {
                    const w = watchlists.data.watchlists.find((x) => x.id === e.target.value);
                    if (w) setText(w.symbols.join("\n"));
                  }}
                >
                  <option value="">Load a watchlist…</option>
                  {watchlists.data.watchlists.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name} ({w.symbols.length})
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <textarea
            id="symbols"
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={"AAPL\nMSFT\n600519"}
            aria-describedby="symbols-check"
            className={`${input} font-mono`}
          />
          <div id="symbols-check" aria-live="polite" className="mt-2 space-y-1 text-sm">
            {list.symbols.length > 0 && (
              <ul className="flex flex-wrap gap-1.5" aria-label="Symbols to analyse">
                {list.symbols.map((s) => {
                  const data = known.get(s);
                  const missing = symbolsQuery.data && !data;
                  return (
                    <li
                      key={s}
                      data-testid="symbol-chip"
                      data-known={data ? "yes" : "no"}
                      title={data ? `${data.rowCount.toLocaleString()} bars, ${data.firstDate} → ${data.lastDate} (${data.datasetName})` : undefined}
                      className={`rounded px-2 py-0.5 font-mono text-xs ${
                        missing ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
                      }`}
                    >
                      {s}
                      {missing && <span className="sr-only"> (no data)</span>}
                    </li>
                  );
                })}
              </ul>
            )}
            {unknown.length > 0 && (
              <p className="text-red-700 dark:text-red-300">
                No data for {unknown.join(", ")}. <Link href="/datasets/upload" className="underline">Upload a dataset</Link> with{" "}
                {unknown.length === 1 ? "it" : "them"}, or remove {unknown.length === 1 ? "it" : "them"}.
              </p>
            )}
            {list.duplicates.length > 0 && <p className="text-slate-500">Removed duplicates: {list.duplicates.join(", ")}.</p>}
            {list.invalid.length > 0 && <p className="text-red-700 dark:text-red-300">Not symbols (ignored): {list.invalid.join(", ")}.</p>}
            {tooMany && (
              <p className="text-red-700 dark:text-red-300">
                {list.symbols.length} symbols: a batch has at most {MAX_BATCH}. Split it into several batches.
              </p>
            )}
            {symbolsQuery.data && symbolsQuery.data.symbols.length > 0 && list.symbols.length === 0 && (
              <p className="text-slate-500">
                With data: {symbolsQuery.data.symbols.slice(0, 12).map((s) => s.symbol).join(", ")}
                {symbolsQuery.data.symbols.length > 12 && "…"}
              </p>
            )}
          </div>
        </div>

        <label className="block text-sm">
          <span className="font-medium">Batch title (optional)</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} className={input} />
        </label>
        <AnalysisOptionsFields options={options} symbols={[...known.keys()]} />

        {submit.error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {submit.error.message}
          </p>
        )}
        <button type="submit" disabled={!canSubmit} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50">
          {submit.isPending ? "Submitting…" : list.symbols.length > 1 ? `Analyse ${list.symbols.length} symbols` : "Analyse"}
        </button>
        <Link
          href={newScheduleHref({ symbols: list.symbols, ...options.request() })}
          className="ml-2 rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Schedule…
        </Link>
      </form>

      <form
        className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4 text-sm dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          if (watchlistName.trim() && list.symbols.length) saveWatchlist.mutate();
        }}
      >
        <label className="block">
          <span className="font-medium">Save these symbols as a watchlist</span>
          <input value={watchlistName} onChange={(e) => setWatchlistName(e.target.value)} maxLength={80} placeholder="Watchlist name" className={input} />
        </label>
        <button
          type="submit"
          disabled={!watchlistName.trim() || list.symbols.length === 0 || saveWatchlist.isPending}
          className="rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Save watchlist
        </button>
        {saveWatchlist.isSuccess && <span className="text-emerald-700 dark:text-emerald-300">Saved “{saveWatchlist.data.name}”.</span>}
        {saveWatchlist.error && <span className="text-red-700 dark:text-red-300">{saveWatchlist.error.message}</span>}
      </form>
    </section>
  );
}
