"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { formatInZone } from "@/lib/schedules/format-in-zone";
import { LinkButton } from "../ui/button";
import { ListSection } from "../ui/list-section";
import { FireOutcome } from "./fire-outcome";
import { FireTimes } from "./fire-times";
import { scheduleApi } from "./schedule-api";
import { ScheduleActions } from "./schedule-actions";
import { CronWords, ScheduleState } from "./schedule-state";

/** `/schedules`: every schedule of the user, its next fire times and how its last fire went. */
export function ScheduleList() {
  const { data, error, isPending } = useQuery({ queryKey: ["schedules"], queryFn: scheduleApi.list, refetchInterval: 5_000 });
  const schedules = data?.schedules ?? [];
  return (
    <ListSection
      id="schedules"
      title="Schedules"
      noun="schedules"
      action={
        <LinkButton href="/schedules/new" variant="primary">
          New schedule
        </LinkButton>
      }
      isPending={isPending}
      error={error}
      isEmpty={schedules.length === 0}
      empty={
        <>
          No schedules yet. <Link href="/schedules/new" className="text-indigo-600 underline dark:text-indigo-400">Create one</Link> to run a batch of analyses
          every weekday morning, every Monday, or whenever you like.
        </>
      }
      columns={[{ label: "Schedule" }, { label: "When" }, { label: "Next fire times" }, { label: "Last fire" }, { label: "" }]}
    >
      {schedules.map((s) => {
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
    </ListSection>
  );
}
