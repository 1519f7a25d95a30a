"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { fetchWorkers } from "./job-api";
import { jobKindLabel } from "./job-kind-label";

/** Admins: the worker processes alive now (recent heartbeat) and the jobs each is running. */
export function WorkersPanel({ onOpenJob }: { onOpenJob: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const workers = useQuery({ queryKey: ["workers"], queryFn: ({ signal }) => fetchWorkers(signal), refetchInterval: 5_000 });
  return (
    <section aria-labelledby="workers-title" className="space-y-3">
      <h2 id="workers-title" className="text-lg font-semibold">
        {t("workers.title")}
      </h2>
      {workers.isPending ? (
        <p className="text-sm text-slate-500">{t("workers.loading")}</p>
      ) : workers.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("workers.error", { message: workers.error.message })}
        </p>
      ) : workers.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t("workers.none")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="workers">
          {workers.data.map((w) => (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900" data-testid="worker">
              <p className="font-medium break-all">{w.id}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {t("workers.meta", {
                  host: w.hostname,
                  pid: w.pid,
                  running: w.jobs.length,
                  slots: w.concurrency,
                  since: formatDate(w.startedAt, locale),
                  beat: formatDate(w.heartbeatAt, locale, { timeStyle: "medium" }),
                })}
              </p>
              {w.jobs.length > 0 && (
                <ul className="mt-2 space-y-2">
                  {w.jobs.map((j) => (
                    <li key={j.id} className="space-y-1">
                      <button type="button" onClick={() => onOpenJob(j.id)} className="truncate text-left hover:text-indigo-700 hover:underline dark:hover:text-indigo-300">
                        {j.name} <span className="text-xs text-slate-500">· {jobKindLabel(j.kind, t)}</span>
                      </button>
                      <ProgressBar value={j.progress} label={t("job.progressOf", { name: j.name })} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
