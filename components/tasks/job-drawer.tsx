"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatDate, formatDuration } from "@/lib/i18n/format";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import { displayStatus } from "@/lib/tasks/display-status";
import { jobTimings } from "@/lib/tasks/job-timings";
import type { JobDetailView, JobSummaryView } from "@/lib/tasks/job-view";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ApiError, fetchJob } from "./job-api";
import { JobActions } from "./job-actions";
import { jobKindLabel } from "./job-kind-label";
import { progressTone, StatusBadge } from "./status-badge";
import { useNow } from "./use-now";

/** The job's details beside the list: timings, attempts with their errors, event timeline, payload, result. */
export function JobDrawer({
  jobId,
  fallback,
  onClose,
  onAction,
  onBatch,
  busy,
  showOwner,
}: {
  jobId: string;
  /** The row's data, shown until the details arrive. */
  fallback?: JobSummaryView;
  onClose: () => void;
  onAction: (action: JobAction) => void;
  onBatch: (batchId: string) => void;
  busy: boolean;
  showOwner: boolean;
}) {
  const t = useT();
  const detail = useQuery({
    queryKey: ["jobs", "detail", jobId],
    queryFn: ({ signal }) => fetchJob(jobId, signal),
    enabled: !!jobId,
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 1,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 1_000 : false),
  });
  const title = detail.data?.name ?? fallback?.name ?? t("drawer.title");
  return (
    <Drawer open={!!jobId} onClose={onClose} title={title}>
      {detail.data ? (
        <JobDetails job={detail.data} ownerEmail={detail.data.ownerEmail ?? fallback?.ownerEmail ?? null} onAction={onAction} onBatch={onBatch} busy={busy} showOwner={showOwner} />
      ) : detail.isError ? (
        <div role="alert" className="space-y-3 text-sm">
          <p>{detail.error instanceof ApiError && detail.error.status === 404 ? t("drawer.gone") : t("drawer.error", { message: detail.error.message })}</p>
          {!(detail.error instanceof ApiError && detail.error.status === 404) && <Button onClick={() => detail.refetch()}>{t("common.tryAgain")}</Button>}
        </div>
      ) : (
        <p className="text-sm text-slate-500" aria-busy="true">
          {t("drawer.loading")}
        </p>
      )}
    </Drawer>
  );
}

function JobDetails({
  job,
  ownerEmail,
  onAction,
  onBatch,
  busy,
  showOwner,
}: {
  job: JobDetailView;
  /** The job API's detail has no owner email; the list row has it. */
  ownerEmail: string | null;
  onAction: (a: JobAction) => void;
  onBatch: (id: string) => void;
  busy: boolean;
  showOwner: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(job.status === "running" || job.status === "queued");
  const time = jobTimings(job, now);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale, { dateStyle: "medium", timeStyle: "medium" }) : "–");
  const d = (ms: number | null) => (ms === null ? "–" : formatDuration(ms, locale));
  const workers = [...new Set([...job.attemptHistory.map((a) => a.workerId), job.workerId].filter(Boolean))];
  const facts: [string, React.ReactNode][] = [
    [t("drawer.kind"), jobKindLabel(job.kind, t)],
    [t("drawer.attempts"), t("job.attempt", { attempt: Math.max(job.attempts, 1), max: job.maxAttempts })],
    ...(job.batch
      ? [[t("drawer.batch"), <button key="b" type="button" className="text-indigo-700 hover:underline dark:text-indigo-300" onClick={() => onBatch(job.batch!.id)}>{job.batch.name}</button>] as [string, React.ReactNode]]
      : []),
    ...(showOwner ? [[t("drawer.owner"), ownerEmail ?? "–"] as [string, React.ReactNode]] : []),
    [t("drawer.worker"), workers.length ? workers.join(", ") : t("drawer.noWorker")],
    [t("drawer.created"), date(job.createdAt)],
    [t("drawer.due"), date(job.runAt)],
    [t("drawer.started"), date(job.startedAt)],
    [t("drawer.finishedAt"), date(job.finishedAt)],
    [t("drawer.queueWait"), d(time.waitMs)],
    [t("drawer.runTime"), d(time.elapsedMs)],
    ...(job.status === "running" ? [[t("job.left"), time.remainingMs !== null ? `≈ ${d(time.remainingMs)}` : t("job.estimating")] as [string, React.ReactNode]] : []),
    ...(job.timeoutMs ? [[t("drawer.timeout"), d(job.timeoutMs)] as [string, React.ReactNode]] : []),
  ];
  return (
    <div className="space-y-6 text-sm">
      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <StatusBadge status={displayStatus(job, now)} />
          <span className="truncate text-xs text-slate-500 dark:text-slate-400">{job.progressLabel}</span>
        </div>
        <ProgressBar value={job.progress} label={t("job.progressOf", { name: job.name })} valueText={`${job.progress}%`} tone={progressTone(job.status)} />
        <JobActions job={job} onAction={onAction} busy={busy} />
      </div>

      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="break-words tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      {job.errorMessage && (
        <section aria-labelledby="drawer-error" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/50">
          <h3 id="drawer-error" className="font-medium text-red-800 dark:text-red-200">
            {t("drawer.lastError")}
          </h3>
          <p className="break-words text-red-800 dark:text-red-200">{job.errorMessage}</p>
          {job.errorStack && (
            <details>
              <summary className="cursor-pointer text-xs text-red-700 dark:text-red-300">{t("drawer.stack")}</summary>
              <pre className="mt-2 max-h-64 overflow-auto text-xs whitespace-pre-wrap" data-testid="error-stack">
                {job.errorStack}
              </pre>
            </details>
          )}
        </section>
      )}

      <section aria-labelledby="drawer-attempts" className="space-y-2">
        <h3 id="drawer-attempts" className="font-semibold">
          {t("drawer.attemptHistory")}
        </h3>
        {job.attemptHistory.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">{t("drawer.noAttempts")}</p>
        ) : (
          <ol className="space-y-2">
            {job.attemptHistory.map((a) => (
              <li key={a.number} className="rounded-md border border-slate-200 p-2.5 dark:border-slate-800" data-testid="attempt">
                <p className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{t("drawer.attemptNumber", { number: a.number })}</span>
                  <span className="text-slate-600 dark:text-slate-300">{t(`outcome.${a.outcome}`)}</span>
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {date(a.startedAt)}
                  {a.endedAt && ` · ${d(new Date(a.endedAt).getTime() - new Date(a.startedAt).getTime())}`}
                  {a.workerId && ` · ${a.workerId}`}
                </p>
                {a.message && <p className={`mt-1 break-words ${a.outcome === "succeeded" ? "" : "text-red-700 dark:text-red-300"}`}>{a.message}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="drawer-timeline" className="space-y-2">
        <h3 id="drawer-timeline" className="font-semibold">
          {t("drawer.timeline")}
        </h3>
        <ol className="relative space-y-2 border-l border-slate-200 pl-4 dark:border-slate-800" data-testid="timeline">
          {job.events.map((e, i) => (
            // Events read from the row or a run's end have no id; a job may have several such starts.
            <li key={e.id ?? `told-${i}-${e.type}`} className="relative">
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full bg-slate-400 dark:bg-slate-500" />
              <p>
                <span className="font-medium">{t(eventKey(e.type))}</span>
                <time dateTime={e.at} className="ml-2 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                  {formatDate(e.at, locale, { timeStyle: "medium" })}
                </time>
              </p>
              {e.message && <p className="text-xs break-words text-slate-600 dark:text-slate-300">{e.message}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="drawer-payload" className="space-y-2">
        <h3 id="drawer-payload" className="font-semibold">
          {t("drawer.payload")}
        </h3>
        <pre className="max-h-64 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-900" data-testid="payload">
          {JSON.stringify(job.payload, null, 2)}
        </pre>
      </section>

      {job.result !== null && (
        <section aria-labelledby="drawer-result" className="space-y-2">
          <h3 id="drawer-result" className="font-semibold">
            {t("drawer.result")}
          </h3>
          <pre className="max-h-64 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-900">{JSON.stringify(job.result, null, 2).slice(0, 20_000)}</pre>
        </section>
      )}
    </div>
  );
}

const EVENT_TYPES = ["queued", "started", "progress", "log", "retry_scheduled", "cancel_requested", "cancelled", "failed", "succeeded", "lease_expired", "released"] as const;

function eventKey(type: string) {
  return `event.${(EVENT_TYPES as readonly string[]).includes(type) ? (type as (typeof EVENT_TYPES)[number]) : "log"}` as const;
}
