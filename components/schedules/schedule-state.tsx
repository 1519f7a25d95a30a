import type { ScheduleView } from "@/lib/schedules/schedule-view";

/** Active or paused, as a badge. */
export function ScheduleState({ schedule }: { schedule: ScheduleView }) {
  return schedule.enabled ? (
    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-300 ring-inset dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800" data-testid="schedule-state">
      Active
    </span>
  ) : (
    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600" data-testid="schedule-state">
      Paused
    </span>
  );
}

/** The cron expression in words where it has a common shape, always with the expression itself. */
export function CronWords({ schedule }: { schedule: Pick<ScheduleView, "cron" | "description"> }) {
  return (
    <>
      <span>{schedule.description ?? "Custom schedule"}</span> <code className="rounded bg-slate-100 px-1 text-xs whitespace-nowrap dark:bg-slate-800">{schedule.cron}</code>
    </>
  );
}
