"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { JobRow, type JobAction } from "./job-row";
import { useJobs } from "./use-jobs";

const TABS = [
  { id: "active", label: "In progress", statuses: ["queued", "running"] },
  { id: "succeeded", label: "Completed", statuses: ["succeeded"] },
  { id: "failed", label: "Failed", statuses: ["failed"] },
  { id: "cancelled", label: "Cancelled", statuses: ["cancelled"] },
  { id: "all", label: "All", statuses: [] },
] as const;

const PAGE = 100;

export function TaskCenter() {
  const [tab, setTab] = useState<(typeof TABS)[number]["id"]>("active");
  const current = TABS.find((t) => t.id === tab)!;
  const query = new URLSearchParams({ limit: String(PAGE), ...(current.statuses.length && { status: current.statuses.join(",") }) }).toString();
  const jobs = useJobs(query);
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);

  const action = useMutation({
    mutationFn: async ({ id, kind }: { id: string; kind: JobAction }) => {
      const res = await fetch(kind === "delete" ? `/api/jobs/${id}` : `/api/jobs/${id}/${kind}`, { method: kind === "delete" ? "DELETE" : "POST" });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `The server answered ${res.status}`);
    },
    onMutate: () => setMessage(null),
    onError: (err) => setMessage(err instanceof Error ? err.message : "That did not work. Try again."),
    onSettled: () => client.invalidateQueries({ queryKey: ["jobs"] }),
  });

  const counts = jobs.data?.counts;
  const countOf = (t: (typeof TABS)[number]) =>
    counts ? (t.statuses.length ? t.statuses.reduce((n, s) => n + (counts[s] ?? 0), 0) : Object.values(counts).reduce((a, b) => a + b, 0)) : null;

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Task center</h1>
      <div role="tablist" aria-label="Job status" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === t.id ? "border-indigo-600 text-indigo-700 dark:text-indigo-300" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400"
            }`}
          >
            {t.label}
            {countOf(t) !== null && <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{countOf(t)}</span>}
          </button>
        ))}
      </div>
      {message && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {message}
        </p>
      )}
      <div role="tabpanel" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {jobs.isPending ? (
          <p className="p-6 text-sm text-slate-500">Loading your jobs…</p>
        ) : jobs.isError ? (
          <div className="p-6 text-sm">
            <p className="text-red-700 dark:text-red-300">Could not load your jobs: {jobs.error.message}</p>
            <button type="button" onClick={() => jobs.refetch()} className="mt-2 text-indigo-600 hover:underline">
              Try again
            </button>
          </div>
        ) : jobs.data.jobs.length === 0 ? (
          <p className="p-6 text-sm text-slate-500">
            {tab === "active" ? (
              <>
                Nothing is running. Start one from <Link href="/analysis/new" className="text-indigo-600 hover:underline">New analysis</Link>.
              </>
            ) : (
              "No jobs here yet."
            )}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {jobs.data.jobs.map((job) => (
              <JobRow key={job.id} job={job} busy={action.isPending && action.variables?.id === job.id} onAction={(kind) => action.mutate({ id: job.id, kind })} />
            ))}
          </ul>
        )}
      </div>
      {jobs.data?.nextCursor && <p className="text-xs text-slate-500">Showing the newest {PAGE} jobs.</p>}
    </section>
  );
}
