"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { formatInZone } from "@/lib/schedules/format-in-zone";
import { FireOutcome } from "./fire-outcome";
import { FireTimes } from "./fire-times";
import { scheduleApi } from "./schedule-api";
import { ScheduleActions } from "./schedule-actions";
import { CronWords, ScheduleState } from "./schedule-state";

const DEPTHS = ["quick", "light", "standard", "deep", "comprehensive"];

/** `/schedules/<id>`: one schedule, its settings, next fire times and recent batches with their outcome. */
export function ScheduleDetail({ id }: { id: string }) {
  const router = useRouter();
  const { data: s, error, isPending } = useQuery({ queryKey: ["schedules", id], queryFn: () => scheduleApi.get(id), refetchInterval: 5_000 });
  if (isPending) return <p className="text-slate-500">Loading the schedule…</p>;
  if (error || !s) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        {error?.message ?? "No such schedule"}. <Link href="/schedules" className="underline">All schedules</Link>
      </p>
    );
  }
  const { options } = s;
  return (
    <section aria-labelledby="schedule-title" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/schedules" className="text-indigo-700 hover:underline dark:text-indigo-300">
              ← Schedules
            </Link>
          </p>
          <h1 id="schedule-title" className="text-2xl font-semibold tracking-tight">
            {s.name} <ScheduleState schedule={s} />
          </h1>
        </div>
        <ScheduleActions schedule={s} onDeleted={() => router.push("/schedules")} />
      </div>

      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">When</dt>
          <dd>
            <CronWords schedule={s} /> in {s.timeZone}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Missed runs (while Tandem was down)</dt>
          <dd>{s.missedPolicy === "skip" ? "Skipped" : "Run once, for the most recent one"}</dd>
        </div>
        <div>
          <dt className="font-medium">Symbols{s.watchlist && ` (watchlist ${s.watchlist.name ?? "deleted"})`}</dt>
          <dd className="font-mono text-xs">{s.symbols.join(", ")}</dd>
          {s.missingSymbols.length > 0 && <dd className="text-red-700 dark:text-red-300">No price data now for {s.missingSymbols.join(", ")}: fires fail until it is uploaded again.</dd>}
        </div>
        <div>
          <dt className="font-medium">Analysis</dt>
          <dd>
            Depth {options.depth} ({DEPTHS[options.depth - 1]}), {options.analysts.join(", ")}, {options.language === "zh" ? "中文" : "English"}
            {options.benchmarkSymbol && `, against ${options.benchmarkSymbol}`}, {options.from || options.to ? `${options.from ?? "start"} → ${options.to ?? "end"}` : "all the data"}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{s.enabled ? "Next fire times" : "Next fire times if resumed now"}</dt>
          <dd>
            <FireTimes times={s.upcoming} timeZone={s.timeZone} label={`Next fire times (${s.timeZone})`} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="fires-title" className="space-y-2">
        <h2 id="fires-title" className="text-lg font-semibold">
          Recent batches
        </h2>
        {s.fires.length === 0 ? (
          <p className="text-slate-500">None yet: the first fires {s.nextFireAt ? formatInZone(s.nextFireAt, s.timeZone) : "once the schedule is resumed"}.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-3">Fired for</th>
                <th className="py-2 pr-3">How</th>
                <th className="py-2">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {s.fires.map((f) => (
                <tr key={f.fireAt} data-testid="fire-row" className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="py-2 pr-3 font-mono text-xs tabular-nums">{formatInZone(f.fireAt, s.timeZone)}</td>
                  <td className="py-2 pr-3">{f.manual ? "Run now" : "Scheduled"}</td>
                  <td className="py-2">
                    <FireOutcome fire={f} missingSymbols={s.missingSymbols} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
