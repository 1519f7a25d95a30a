import Link from "next/link";
import type { FireView } from "@/lib/schedules/schedule-view";

const COUNTED = ["running", "queued", "succeeded", "failed", "cancelled"] as const;

/** How a fire ended: its batch's jobs per status (linked to the task center), or why it has no batch. */
export function FireOutcome({ fire, missingSymbols }: { fire: FireView; missingSymbols: string[] }) {
  if (fire.state === "failed") {
    return (
      <span className="text-red-700 dark:text-red-300" data-testid="fire-outcome" data-state="failed">
        Not enqueued: {fire.error ?? (missingSymbols.length ? `no price data for ${missingSymbols.join(", ")}` : "its batch could not be created")}
      </span>
    );
  }
  if (fire.state === "open") {
    return (
      <span className="text-slate-500" data-testid="fire-outcome" data-state="open">
        Enqueuing…
      </span>
    );
  }
  const { batch } = fire;
  const counts = batch ? COUNTED.filter((s) => batch.counts[s] > 0).map((s) => `${batch.counts[s]} ${s}`) : [];
  return (
    <span data-testid="fire-outcome" data-state="enqueued">
      <Link href={`/tasks?batch=${fire.batchId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
        {batch ? `${batch.total} job${batch.total === 1 ? "" : "s"}` : "Batch"}
      </Link>
      <span className="text-slate-600 dark:text-slate-300">{batch ? `: ${counts.join(" · ")}` : " (deleted)"}</span>
    </span>
  );
}
