"use client";

import { useT } from "@/lib/i18n/client";
import type { DisplayStatus } from "@/lib/tasks/display-status";

const STYLE: Record<DisplayStatus, string> = {
  queued: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  scheduled: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  retryable: "bg-orange-50 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  running: "bg-indigo-50 text-indigo-800 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-700",
  cancelling: "bg-amber-50 text-amber-800 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  succeeded: "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  failed: "bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  cancelled: "bg-amber-50 text-amber-800 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
};

const DOT: Record<DisplayStatus, string> = {
  queued: "bg-slate-400",
  scheduled: "bg-slate-400",
  retryable: "bg-orange-500",
  running: "bg-indigo-500 animate-pulse motion-reduce:animate-none",
  cancelling: "bg-amber-500 animate-pulse motion-reduce:animate-none",
  succeeded: "bg-emerald-500",
  failed: "bg-red-500",
  cancelled: "bg-amber-500",
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const t = useT();
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status]}`} data-testid="status-badge">
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${DOT[status]}`} />
      {t(`status.${status}`)}
    </span>
  );
}

/** The progress bar's colour for a stored status: finished jobs show how they ended. */
export function progressTone(status: string): "indigo" | "emerald" | "red" | "amber" {
  return status === "succeeded" ? "emerald" : status === "failed" ? "red" : status === "cancelled" ? "amber" : "indigo";
}
