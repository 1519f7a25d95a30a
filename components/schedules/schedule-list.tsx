"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { formatInZone } from "@/lib/schedules/format-in-zone";
import { LinkButton } from "../ui/button";
import { FireOutcome } from "./fire-outcome";
import { FireTimes } from "./fire-times";
import { scheduleApi } from "./schedule-api";
import { ScheduleActions } from "./schedule-actions";
import { CronWords, ScheduleState } from "./schedule-state";

/** `/schedules`: every schedule of the user, its next fire times and how its last fire went. */
export function ScheduleList() {
  const { data, error, isPending } = useQuery({ queryKey: ["schedules"], queryFn: scheduleApi.list, refetchInterval: 5_000 });
  return (
    <section aria-labelledby="schedules-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="schedules-title" className="text-2xl font-semibold tracking-tight">
          Schedules
        </h1>
        <LinkButton href="/schedules/new" variant="primary">
          New schedule
        </LinkButton>
      </div>
      {isPending && <p className="text-slate-500">Loading schedules…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Could not load schedules: {error.message}. Reload the page to try again.
        </p>
      )}
      {data && data.schedules.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-300">
          No schedules yet. <Link href="/schedules/new" className="text-indigo-600 underline dark:text-indigo-400">Create one</Link> to run a batch of analyses
          every weekday morning, every Monday, or whenever you like.
        </p>
      )}
      {data && data.schedules.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="px-3 py-2">Schedule</th>
                <th className="px-3 py-2">When</th>
                <th className="px-3 py-2">Next fire times</th>
                <th className="px-3 py-2">Last fire</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.schedules.map((s) => {
                const last = s.fires[0];
                return (
                  <tr key={s.id} data-testid="schedule-row" className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                    <td className="px-3 py-2">
                      <Link href={`/schedules/${s.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                        {s.name}
                      </Link>{" "}
                      <ScheduleState schedule={s} />
                      <div className="mt-1 max-w-[16rem] truncate text-xs text-slate-500 dark:text-slate-400" title={s.symbols.join(", ")}>
                        {s.watchlist ? `Watchlist ${s.watchlist.name ?? "(deleted)"}: ` : ""}
                        {s.symbols.join(", ")}
                      </div>
                      {s.missingSymbols.length > 0 && <div className="mt-1 text-xs text-red-700 dark:text-red-300">No price data now for {s.missingSymbols.join(", ")}</div>}
                    </td>
                    <td className="px-3 py-2">
                      <CronWords schedule={s} />
                      <div className="mt-1 text-xs text-slate-500 dark:text-slate-400">{s.timeZone}</div>
                    </td>
                    <td className="px-3 py-2">
                      {!s.enabled && <div className="mb-1 text-xs text-slate-500">If resumed now:</div>}
                      <FireTimes times={s.upcoming} timeZone={s.timeZone} label={`Next fire times of ${s.name} (${s.timeZone})`} />
                    </td>
                    <td className="px-3 py-2">
                      {last ? (
                        <>
                          <div className="font-mono text-xs tabular-nums">
                            {formatInZone(last.fireAt, s.timeZone)}
                            {last.manual && <span className="ml-1 font-sans text-slate-500">(run now)</span>}
                          </div>
                          <FireOutcome fire={last} missingSymbols={s.missingSymbols} />
                        </>
                      ) : (
                        <span className="text-slate-500">Not yet</span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <ScheduleActions schedule={s} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
