"use client";

import type { JobSummaryView } from "@/lib/tasks/job-view";

const BADGE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  running: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  cancelled: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

export type JobAction = "cancel" | "retry" | "delete";

export function JobRow({ job, onAction, busy }: { job: JobSummaryView; onAction: (a: JobAction) => void; busy: boolean }) {
  const active = job.status === "queued" || job.status === "running";
  return (
    <li className="grid gap-2 px-4 py-3 sm:grid-cols-[1fr_14rem_auto] sm:items-center" data-testid="job-row" data-status={job.status}>
      <div className="min-w-0">
        <p className="truncate font-medium">{job.name}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {job.kind}
          {job.batch && <> · batch “{job.batch.name}”</>} · attempt {job.attempts} of {job.maxAttempts}
          {job.errorMessage && job.status !== "succeeded" && <span className="text-red-600 dark:text-red-400"> · {job.errorMessage}</span>}
        </p>
      </div>
      <div className="space-y-1">
        <div className="flex items-center justify-between text-xs">
          <span className={`rounded px-1.5 py-0.5 font-medium ${BADGE[job.status] ?? ""}`}>{job.status}</span>
          <span className="truncate pl-2 text-slate-500 dark:text-slate-400">{job.progressLabel ?? ""}</span>
        </div>
        <div
          role="progressbar"
          aria-label={`${job.name} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={job.progress}
          className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        >
          <div className="h-full bg-indigo-500 transition-[width] duration-500" style={{ width: `${job.progress}%` }} />
        </div>
      </div>
      <div className="flex gap-2 sm:justify-end">
        {active && <ActionButton label="Cancel" onClick={() => onAction("cancel")} disabled={busy || job.cancelRequested} />}
        {(job.status === "failed" || job.status === "cancelled") && <ActionButton label="Retry" onClick={() => onAction("retry")} disabled={busy} />}
        {!active && <ActionButton label="Delete" onClick={() => onAction("delete")} disabled={busy} />}
      </div>
    </li>
  );
}

function ActionButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      {label}
    </button>
  );
}
