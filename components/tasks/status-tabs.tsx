"use client";

import { useRef } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import type { StatusCounts } from "@/lib/jobs";
import { JOB_STATUSES } from "@/lib/jobs/types";
import type { Locale } from "@/lib/i18n/locales";
import { countLabel } from "./count-label";
import { TABS, type TabId } from "./task-filters-state";

export const TAB_PANEL_ID = "task-list-panel";

/** A tab's count; when a status was counted only up to the limit, the sum reads "N+". */
function tabCount(tab: TabId, counts: StatusCounts, limit: number, locale: Locale): string {
  const tabStatuses = TABS.find((t) => t.id === tab)!.statuses;
  const statuses = tabStatuses.length ? tabStatuses : JOB_STATUSES;
  if (statuses.length === 1) return countLabel(counts[statuses[0]!], limit, locale);
  const more = statuses.some((s) => counts[s] > limit);
  const sum = statuses.reduce((n, s) => n + Math.min(counts[s], limit), 0);
  return more ? `${formatNumber(sum, locale)}+` : formatNumber(sum, locale);
}

/** The status tabs with live counts; arrow keys move between them (WAI-ARIA tabs pattern). */
export function StatusTabs({ tab, counts, limit, onChange }: { tab: TabId; counts: StatusCounts | null; limit: number; onChange: (tab: TabId) => void }) {
  const t = useT();
  const locale = useLocale();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + TABS.length) % TABS.length;
    onChange(TABS[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("tabs.label")} className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800">
      {TABS.map((item, i) => {
        const count = counts && tabCount(item.id, counts, limit, locale);
        const selected = tab === item.id;
        return (
          <button
            key={item.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={`tab-${item.id}`}
            role="tab"
            type="button"
            aria-selected={selected}
            aria-controls={TAB_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(item.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(i + 1);
              else if (e.key === "ArrowLeft") move(i - 1);
              else if (e.key === "Home") move(0);
              else if (e.key === "End") move(TABS.length - 1);
              else return;
              e.preventDefault();
            }}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
              selected
                ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {t(`tabs.${item.id}`)}
            {count && (
              <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-xs tabular-nums dark:bg-slate-800" data-testid={`tab-count-${item.id}`}>
                {count}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
