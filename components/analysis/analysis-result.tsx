"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import type { AnalysisResult as Result } from "@/lib/analysis/types";
import type { JobDetailView } from "@/lib/tasks/job-view";
import { fetchJson } from "../datasets/fetch-json";
import { BacktestTable } from "./backtest-table";
import { DecisionCard } from "./decision-card";
import { DownloadButton } from "./download-button";
import { day } from "./figures";
import { ResultCharts } from "./result-charts";
import { RiskTable } from "./risk-table";

export function AnalysisResult({ jobId }: { jobId: string }) {
  const job = useQuery({
    queryKey: ["job", jobId],
    queryFn: () => fetchJson<JobDetailView>(`/api/jobs/${jobId}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 1_000 : false),
  });

  if (job.isPending) return <p className="text-slate-500">Loading the analysis…</p>;
  if (job.error || job.data.kind !== "analysis") {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {job.error?.message ?? "This job is not an analysis"}. <Link href="/tasks" className="underline">Back to the task center</Link>
      </p>
    );
  }
  const j = job.data;
  if (j.status !== "succeeded") {
    return (
      <section className="max-w-xl space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{j.name}</h1>
        <p>
          Status: <strong data-testid="analysis-status">{j.status}</strong>
          {j.progressLabel && ` · ${j.progressLabel}`}
        </p>
        {(j.status === "queued" || j.status === "running") && (
          <div role="progressbar" aria-label="Analysis progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={j.progress} className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
            <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${j.progress}%` }} />
          </div>
        )}
        {j.errorMessage && <p className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{j.errorMessage}</p>}
        <Link href={`/tasks?job=${j.id}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          See it in the task center
        </Link>
      </section>
    );
  }

  const result = j.result as unknown as Result;
  const base = `${result.symbol}-analysis-${day(result.range.to)}`;
  return (
    <article aria-labelledby="result-title" className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="result-title" className="text-2xl font-semibold tracking-tight">
            {result.symbol} analysis
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {day(result.range.from)} → {day(result.range.to)} · {result.range.bars.toLocaleString()} {result.interval} bars · depth {result.options.depth} ·
            finished {j.finishedAt ? new Date(j.finishedAt).toLocaleString() : ""}
            {j.batch && (
              <>
                {" · "}
                <Link href={`/tasks?batch=${j.batch.id}`} className="underline">
                  batch “{j.batch.name}”
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="flex gap-2">
          <DownloadButton fileName={`${base}.md`} type="text/markdown" content={() => result.report}>
            Download report (.md)
          </DownloadButton>
          <DownloadButton fileName={`${base}.json`} type="application/json" content={() => JSON.stringify(result, null, 2)}>
            Download result (.json)
          </DownloadButton>
        </div>
      </header>
      <DecisionCard symbol={result.symbol} decision={result.decision} />
      {result.notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-600 dark:text-slate-300">
          {result.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <ResultCharts symbol={result.symbol} chart={result.chart} />
      <div className="grid gap-8 lg:grid-cols-2">
        {result.risk && <RiskTable risk={result.risk} />}
        {result.backtest && <BacktestTable backtest={result.backtest} />}
      </div>
      <section aria-labelledby="report-title" className="space-y-2">
        <h2 id="report-title" className="text-lg font-semibold">
          Report
        </h2>
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm leading-relaxed dark:border-slate-800 dark:bg-slate-900 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:pt-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_table]:w-full [&_td]:border-t [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_ul]:list-disc dark:[&_td]:border-slate-800" data-testid="report">
          <Markdown remarkPlugins={[remarkGfm]}>{result.report}</Markdown>
        </div>
      </section>
    </article>
  );
}
