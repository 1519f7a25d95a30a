import { formatInZone } from "@/lib/schedules/format-in-zone";

/** Moments as the clock in the schedule's time zone shows them, one per line. */
export function FireTimes({ times, timeZone, label }: { times: string[]; timeZone: string; label: string }) {
  return (
    <ol aria-label={label} className="space-y-0.5 font-mono text-xs whitespace-nowrap tabular-nums" data-testid="fire-times">
      {times.map((t) => (
        <li key={t}>
          <time dateTime={t}>{formatInZone(t, timeZone)}</time>
        </li>
      ))}
    </ol>
  );
}
