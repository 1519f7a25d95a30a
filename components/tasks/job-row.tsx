"use client";

import { useLocale, useT } from "@/lib/i18n/client";
import { formatDuration, formatMoment } from "@/lib/i18n/format";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import { displayStatus } from "@/lib/tasks/display-status";
import { jobTimings } from "@/lib/tasks/job-timings";
import type { JobSummaryView } from "@/lib/tasks/job-view";
import { ProgressBar } from "@/components/ui/progress-bar";
import { JobActions } from "./job-actions";
import { jobKindLabel } from "./job-kind-label";
import { progressTone, StatusBadge } from "./status-badge";

export interface JobRowProps {
  job: JobSummaryView;
  now: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onAction: (action: JobAction) => void;
  onOpen: () => void;
  onBatch?: (batchId: string) => void;
  busy: boolean;
  showOwner: boolean;
  /** Inside its batch's group row: the batch is not repeated. */
  inBatch?: boolean;
}

export function JobRow({ job, now, selected, onSelect, onAction, onOpen, onBatch, busy, showOwner, inBatch }: JobRowProps) {
  const t = useT();
  const locale = useLocale();
  const status = displayStatus(job, now);
  const time = jobTimings(job, now);
  const d = (ms: number) => formatDuration(ms, locale);
  const step = job.progressLabel ?? (job.status === "queued" ? t("job.waitingForWorker") : "");
  const meta: React.ReactNode[] = [
    jobKindLabel(job.kind, t),
    ...(job.batch && !inBatch
      ? [
          <button key="batch" type="button" onClick={() => onBatch?.(job.batch!.id)} className="truncate hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
            {t("job.batchNamed", { name: job.batch.name })}
          </button>,
        ]
      : []),
    ...(showOwner && job.ownerEmail
      ? [
          <span key="owner" className="truncate" data-testid="job-owner">
            {t("job.owner", { email: job.ownerEmail })}
          </span>,
        ]
      : []),
    t("job.attempt", { attempt: Math.max(job.attempts, 1), max: job.maxAttempts }),
  ];
  return (
    <li
      data-testid="job-row"
      data-status={job.status}
      data-job-id={job.id}
      className={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2 px-4 py-3 lg:grid-cols-[auto_minmax(0,1fr)_16rem_13rem_11.5rem] lg:items-center ${selected ? "bg-indigo-50/60 dark:bg-indigo-950/30" : ""}`}
    >
      <input
        type="checkbox"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={t("job.select", { name: job.name })}
        className="mt-1 h-4 w-4 accent-indigo-600 lg:mt-0"
      />
      <div className="min-w-0">
        <button
          type="button"
          onClick={onOpen}
          className="max-w-full truncate text-left font-medium text-slate-900 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300"
          title={job.name}
        >
          {job.name}
        </button>
        <p className="flex flex-wrap gap-x-1.5 text-xs text-slate-500 dark:text-slate-400">
          {meta.map((item, i) => (
            <span key={i} className="flex min-w-0 gap-x-1.5">
              {i > 0 && <span aria-hidden="true">·</span>}
              {item}
            </span>
          ))}
        </p>
      </div>
      <div className="col-start-2 min-w-0 space-y-1 lg:col-start-auto">
        <div className="flex items-center justify-between gap-2 text-xs">
          <StatusBadge status={status} />
          <span className="truncate text-slate-500 dark:text-slate-400" data-testid="job-step">
            {step}
          </span>
        </div>
        <ProgressBar
          value={job.progress}
          label={t("job.progressOf", { name: job.name })}
          valueText={step ? `${job.progress}% · ${step}` : `${job.progress}%`}
          tone={progressTone(job.status)}
        />
        {job.errorMessage && job.status !== "succeeded" && (
          <p className="line-clamp-2 text-xs break-words text-red-700 dark:text-red-300">{job.errorMessage}</p>
        )}
      </div>
      <dl className="col-start-2 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 tabular-nums lg:col-start-auto dark:text-slate-300">
        {time.dueInMs !== null && (
          <>
            <dt>{t("job.dueIn")}</dt>
            <dd>{d(time.dueInMs)}</dd>
          </>
        )}
        {time.waitMs !== null && (
          <>
            <dt>{t(job.status === "queued" ? "job.waiting" : "job.waited")}</dt>
            <dd>{d(time.waitMs)}</dd>
          </>
        )}
        {time.elapsedMs !== null && (
          <>
            <dt>{t(job.status === "running" ? "job.elapsed" : "job.took")}</dt>
            <dd data-testid="job-elapsed">{d(time.elapsedMs)}</dd>
          </>
        )}
        {job.status === "running" && (
          <>
            <dt>{t("job.left")}</dt>
            <dd>{time.remainingMs !== null ? `≈ ${d(time.remainingMs)}` : t("job.estimating")}</dd>
          </>
        )}
        {job.finishedAt && (
          <>
            <dt>{t("job.finished")}</dt>
            <dd>{formatMoment(job.finishedAt, now, locale)}</dd>
          </>
        )}
      </dl>
      <div className="col-start-2 lg:col-start-auto lg:justify-self-end">
        <JobActions job={job} onAction={onAction} busy={busy} />
      </div>
    </li>
  );
}
