"use client";

import { useCallback, useMemo, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { BatchCounts } from "@/lib/jobs";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import type { JobSummaryView } from "@/lib/tasks/job-view";
import { Button, LinkButton } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { batchSummary } from "./batch-group";
import { BulkBar } from "./bulk-bar";
import { JobDrawer } from "./job-drawer";
import { JobList } from "./job-list";
import { JobListEmpty, JobListError, JobListLoading } from "./job-list-states";
import { StatusTabs, TAB_PANEL_ID } from "./status-tabs";
import { SummaryCards } from "./summary-cards";
import { TaskFiltersBar } from "./task-filters";
import { hasNarrowingFilters, jobListQuery, useTaskFilters, type TaskFilters } from "./task-filters-state";
import { useFinishedJobToasts } from "./use-finished-job-toasts";
import { useJobActions } from "./use-job-actions";
import { useJobList } from "./use-jobs";
import { useNow } from "./use-now";
import { WorkersPanel } from "./workers-panel";

const PAGE = 50;

function startOfLocalDay(): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** The task center: every job of the viewer (admins: everyone's), live. */
export function TaskCenter({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const [filters, setFilters] = useTaskFilters();
  const [today] = useState(startOfLocalDay);
  const list = useJobList(jobListQuery(filters, today, PAGE));
  const act = useJobActions();
  useFinishedJobToasts();

  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());

  // A job that moved between two page fetches can be on both pages: keep its first (newest) copy.
  const jobs = useMemo(() => {
    const byId = new Map<string, JobSummaryView>();
    for (const job of (list.data?.pages ?? []).flatMap((p) => p.jobs)) if (!byId.has(job.id)) byId.set(job.id, job);
    return [...byId.values()];
  }, [list.data]);
  const batches = useMemo(() => {
    const map = new Map<string, BatchCounts>();
    for (const page of list.data?.pages ?? []) for (const b of page.batches) if (!map.has(b.id)) map.set(b.id, b);
    return map;
  }, [list.data]);
  const first = list.data?.pages[0];
  const selectedJobs = jobs.filter((j) => selected.has(j.id));
  const now = useNow(jobs.some((j) => j.status === "running" || j.status === "queued"));
  const busyIds = useMemo(() => new Set(act.isPending ? act.variables.ids : []), [act.isPending, act.variables]);
  const showOwner = isAdmin && !filters.mine;

  const change = useCallback(
    (patch: Partial<TaskFilters>) => {
      setFilters(patch);
      if (Object.keys(patch).some((k) => k !== "job")) setSelected(new Set());
    },
    [setFilters],
  );
  const onAction = (action: JobAction, ids: string[]) => {
    if (ids.length === 0) return;
    act.mutate({ action, ids }, { onSuccess: () => setSelected((s) => new Set([...s].filter((id) => !ids.includes(id)))) });
    if (action === "delete" && ids.includes(filters.job)) change({ job: "" });
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggle = (batchId: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(batchId)) next.add(batchId);
      return next;
    });
  const filtered = hasNarrowingFilters(filters);
  const clearFilters = () => change({ kind: "", batch: "", q: "", from: "", to: "" });
  const batch = filters.batch ? batches.get(filters.batch) : undefined;
  const openJob: JobSummaryView | undefined = jobs.find((j) => j.id === filters.job);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("tasks.title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t(isAdmin && !filters.mine ? "tasks.subtitleAdmin" : "tasks.subtitle")}</p>
        </div>
        <LinkButton href="/analysis/new" variant="primary">
          {t("nav.newAnalysis")}
        </LinkButton>
      </div>

      <SummaryCards summary={first?.summary ?? null} limit={first?.countLimit ?? Infinity} />

      {filters.batch && (
        <section aria-labelledby="batch-title" className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-900 dark:bg-indigo-950/30" data-testid="batch-banner">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="batch-title" className="font-semibold">
              {batch ? t("batch.named", { name: batch.name }) : list.isPending ? t("batch.loading") : t("batch.notFound")}
            </h2>
            <Button size="sm" variant="ghost" onClick={() => change({ batch: "" })}>
              {t("batch.showAll")}
            </Button>
          </div>
          {batch && (
            <>
              <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="batch-summary">
                {batchSummary(batch, t)}
              </p>
              <ProgressBar value={batch.progress} label={t("batch.progressOf", { name: batch.name })} valueText={`${batch.progress}%`} />
            </>
          )}
        </section>
      )}

      <TaskFiltersBar filters={filters} onChange={change} isAdmin={isAdmin} />

      <div>
        <StatusTabs tab={filters.tab} counts={first?.counts ?? null} limit={first?.countLimit ?? Infinity} onChange={(tab) => change({ tab })} />
        <div
          role="tabpanel"
          id={TAB_PANEL_ID}
          aria-labelledby={`tab-${filters.tab}`}
          aria-busy={list.isFetching && list.isPlaceholderData}
          className={`rounded-b-lg border border-t-0 border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${list.isPlaceholderData ? "opacity-70" : ""}`}
        >
          {list.isError && list.data && (
            <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
              {t("list.stale", { message: list.error.message })}
            </p>
          )}
          {list.isPending ? (
            <JobListLoading />
          ) : list.isError && !list.data ? (
            <JobListError error={list.error} onRetry={() => list.refetch()} />
          ) : jobs.length === 0 ? (
            <JobListEmpty tab={filters.tab} filtered={filtered} onClear={clearFilters} />
          ) : (
            <>
              <div className="border-b border-slate-100 dark:border-slate-800">
                <BulkBar visible={jobs} selected={selectedJobs} onSelectAll={(on) => select(jobs.map((j) => j.id), on)} onAction={onAction} busy={act.isPending} />
              </div>
              <JobList
                jobs={jobs}
                batches={batches}
                group={!filters.batch}
                now={now}
                selected={selected}
                onSelect={select}
                expanded={expanded}
                onToggle={toggle}
                onAction={onAction}
                onOpen={(job) => change({ job })}
                onBatch={(id) => change({ batch: id, tab: "all" })}
                busyIds={busyIds}
                showOwner={showOwner}
              />
              {list.hasNextPage && (
                <div className="border-t border-slate-100 p-3 text-center dark:border-slate-800">
                  <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                    {list.isFetchingNextPage ? t("list.loadingMore") : t("list.loadMore")}
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
      </div>

      {isAdmin && <WorkersPanel onOpenJob={(job) => change({ job })} />}

      <JobDrawer
        jobId={filters.job}
        fallback={openJob}
        onClose={() => change({ job: "" })}
        onAction={(action) => onAction(action, [filters.job])}
        onBatch={(id) => change({ batch: id, tab: "all", job: "" })}
        busy={busyIds.has(filters.job)}
        showOwner={isAdmin}
      />
    </div>
  );
}
