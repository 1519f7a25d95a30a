"use client";

import { useEffect, useRef } from "react";
import { useT } from "@/lib/i18n/client";
import type { BatchCounts } from "@/lib/jobs";
import { JOB_STATUSES } from "@/lib/jobs/types";
import type { T } from "@/lib/i18n/translate";
import { ProgressBar } from "@/components/ui/progress-bar";

/** "3 jobs: 2 running, 1 queued" over the whole batch, active states first. */
export function batchSummary(batch: BatchCounts, t: T): string {
  const order = ["running", "queued", ...JOB_STATUSES.filter((s) => s !== "running" && s !== "queued")] as const;
  const parts = order.filter((s) => batch.counts[s] > 0).map((s) => t(`batch.part.${s}`, { count: batch.counts[s] }));
  return t("batch.summary", { count: batch.total, parts: parts.join(t("batch.separator")) });
}

export interface BatchGroupProps {
  batch: BatchCounts;
  /** How many of its jobs this view lists (a tab shows only some). */
  shown: number;
  expanded: boolean;
  onToggle: () => void;
  selectedCount: number;
  onSelect: (selected: boolean) => void;
  onOnlyThisBatch: () => void;
  children: React.ReactNode;
}

/** A batch folded into one row with its aggregate progress; it expands to the rows of its jobs. */
export function BatchGroup({ batch, shown, expanded, onToggle, selectedCount, onSelect, onOnlyThisBatch, children }: BatchGroupProps) {
  const t = useT();
  const checkbox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (checkbox.current) checkbox.current.indeterminate = selectedCount > 0 && selectedCount < shown;
  }, [selectedCount, shown]);
  const listId = `batch-${batch.id}-jobs`;
  const summary = batchSummary(batch, t);
  const active = batch.counts.running + batch.counts.queued > 0;
  return (
    <li data-testid="batch-row" data-batch-id={batch.id} className="bg-slate-50/70 dark:bg-slate-900/60">
      <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 px-4 py-3 lg:grid-cols-[auto_minmax(0,1fr)_29.75rem_11.5rem]">
        <input
          ref={checkbox}
          type="checkbox"
          checked={shown > 0 && selectedCount === shown}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={t("batch.select", { name: batch.name })}
          className="h-4 w-4 accent-indigo-600"
        />
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={listId}
          className="flex min-w-0 items-center gap-2 text-left font-medium hover:text-indigo-700 dark:hover:text-indigo-300"
        >
          <span aria-hidden="true" className={`inline-block text-slate-500 transition-transform motion-reduce:transition-none ${expanded ? "rotate-90" : ""}`}>
            ▶
          </span>
          <span className="truncate">{t("batch.named", { name: batch.name })}</span>
        </button>
        <div className="col-start-2 min-w-0 space-y-1 lg:col-start-auto">
          <p className="truncate text-xs text-slate-600 dark:text-slate-300" data-testid="batch-summary">
            {summary}
          </p>
          <ProgressBar value={batch.progress} label={t("batch.progressOf", { name: batch.name })} valueText={`${batch.progress}% · ${summary}`} tone={active ? "indigo" : "emerald"} />
        </div>
        <button type="button" onClick={onOnlyThisBatch} className="col-start-2 justify-self-start text-sm text-indigo-700 hover:underline lg:col-start-auto lg:justify-self-end dark:text-indigo-300">
          {t("batch.only")}
        </button>
      </div>
      {expanded && (
        <ul id={listId} aria-label={t("batch.named", { name: batch.name })} className="divide-y divide-slate-100 border-t border-slate-200 bg-white pl-4 sm:pl-8 dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-950">
          {children}
        </ul>
      )}
    </li>
  );
}
