"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { countLabel } from "./count-label";
import type { JobListBody } from "./job-api";

type Summary = NonNullable<JobListBody["summary"]>;

/** Running now, queued, finished today, and today's failure rate (failed / (completed + failed)). */
export function SummaryCards({ summary, limit }: { summary: Summary | null; limit: number }) {
  const t = useT();
  const locale = useLocale();
  // Running and queued are counted up to the limit; today's finished jobs exactly.
  const n = (v: number | undefined) => (v === undefined ? "–" : countLabel(v, limit, locale));
  const exact = (v: number | undefined) => (v === undefined ? "–" : formatNumber(v, locale));
  const finished = summary ? summary.succeeded + summary.failed + summary.cancelled : undefined;
  const decided = summary ? summary.succeeded + summary.failed : 0;
  const since = summary ? formatDate(summary.since, locale, { timeStyle: "short" }) : "";
  const cards = [
    { id: "running", label: t("summary.running"), value: n(summary?.running), hint: t("summary.runningHint") },
    { id: "queued", label: t("summary.queued"), value: n(summary?.queued), hint: t("summary.queuedHint") },
    {
      id: "finished",
      label: t("summary.finishedToday"),
      value: exact(finished),
      hint: summary ? t("summary.finishedHint", { succeeded: summary.succeeded, failed: summary.failed, cancelled: summary.cancelled }) : "",
    },
    {
      id: "failure-rate",
      label: t("summary.failureRate"),
      value: summary && decided > 0 ? formatNumber(summary.failed / decided, locale, { style: "percent", maximumFractionDigits: 1 }) : "–",
      hint: summary ? t("summary.failureRateHint", { failed: summary.failed, count: decided, since }) : "",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-busy={!summary}>
      {cards.map((c) => (
        <div key={c.id} className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900" data-testid={`summary-${c.id}`}>
          <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{c.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{c.value}</dd>
          <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{c.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
