"use client";

import { useState } from "react";
import { inputClass } from "../ui/field";

const DEPTHS = ["quick", "light", "standard", "deep", "comprehensive"] as const;
const ANALYSTS = [
  { id: "technical", label: "Technical analyst", hint: "trend, momentum, volatility, support/resistance" },
  { id: "risk", label: "Risk analyst", hint: "volatility, drawdown, VaR/CVaR, beta" },
  { id: "backtest", label: "Backtest analyst", hint: "strategies with costs, walk-forward check" },
] as const;
const field = `${inputClass} mt-1 w-full`;

export type ReportLanguage = "en" | "zh";

/** How a batch of analyses runs: the same options on the analysis form and a schedule. */
export interface AnalysisOptionsStart {
  from?: string | null;
  to?: string | null;
  depth?: number;
  analysts?: readonly string[];
  language?: ReportLanguage;
  benchmarkSymbol?: string | null;
}

export function useAnalysisOptions(start: AnalysisOptionsStart = {}) {
  const [from, setFrom] = useState(start.from ?? "");
  const [to, setTo] = useState(start.to ?? "");
  const [depth, setDepth] = useState(start.depth ?? 2);
  const [analysts, setAnalysts] = useState<string[]>(start.analysts ? [...start.analysts] : ANALYSTS.map((a) => a.id));
  const [language, setLanguage] = useState<ReportLanguage>(start.language ?? "en");
  const [benchmark, setBenchmark] = useState(start.benchmarkSymbol ?? "");
  return {
    state: { from, to, depth, analysts, language, benchmark },
    set: { setFrom, setTo, setDepth, setAnalysts, setLanguage, setBenchmark },
    valid: analysts.length > 0,
    /** The options as the analyses and schedules APIs take them. */
    request: () => ({ from: from || null, to: to || null, depth, analysts, language, benchmarkSymbol: benchmark || null }),
  };
}

export type AnalysisOptions = ReturnType<typeof useAnalysisOptions>;

/** Date range, benchmark, depth, analysts and report language. `symbols` are those with data (benchmark choices). */
export function AnalysisOptionsFields({ options, symbols }: { options: AnalysisOptions; symbols: string[] }) {
  const { from, to, depth, analysts, language, benchmark } = options.state;
  const { setFrom, setTo, setDepth, setAnalysts, setLanguage, setBenchmark } = options.set;
  return (
    <>
      <div className="grid gap-4 text-sm sm:grid-cols-3">
        <label className="block">
          <span className="font-medium">From</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={field} />
        </label>
        <label className="block">
          <span className="font-medium">To</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} className={field} />
        </label>
        <label className="block">
          <span className="font-medium">Benchmark</span>
          <select value={benchmark} onChange={(e) => setBenchmark(e.target.value)} className={field}>
            <option value="">{symbols.includes("SPX") ? "SPX (default)" : "None"}</option>
            {symbols.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="-mt-3 text-xs text-slate-500">Leave the dates empty to use all the data.</p>

      <label className="block text-sm">
        <span className="font-medium">
          Research depth: {depth} — {DEPTHS[depth - 1]}
        </span>
        <input type="range" min={1} max={5} step={1} value={depth} onChange={(e) => setDepth(Number(e.target.value))} className="mt-2 w-full" aria-valuetext={DEPTHS[depth - 1]} />
      </label>

      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">Analysts</legend>
        {ANALYSTS.map((a) => (
          <label key={a.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={analysts.includes(a.id)}
              onChange={(e) => setAnalysts((prev) => (e.target.checked ? [...prev, a.id] : prev.filter((x) => x !== a.id)))}
            />
            {a.label} <span className="text-slate-500">— {a.hint}</span>
          </label>
        ))}
        {analysts.length === 0 && <p className="text-red-700 dark:text-red-300">Choose at least one analyst.</p>}
      </fieldset>

      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">Report language</legend>
        {(["zh", "en"] as const).map((l) => (
          <label key={l} className="flex items-center gap-1.5">
            <input type="radio" name="language" checked={language === l} onChange={() => setLanguage(l)} />
            {l === "zh" ? "中文" : "English"}
          </label>
        ))}
      </fieldset>
    </>
  );
}
