import type { Schedule, ScheduleFire } from "../db/generated/sqlite";
import type { BatchCounts } from "../jobs";
import { describeCron } from "./describe-cron";
import { nextFireTimes } from "./schedule-cron";
import type { MissedPolicy } from "./schedule-input";
import type { ScheduleOptions } from "./schedule-options";

const UPCOMING = 5;

export interface FireView {
  fireAt: string;
  manual: boolean;
  batchId: string | null;
  /** enqueued: its batch exists; open: being enqueued now; failed: it could not enqueue its batch. */
  state: "enqueued" | "open" | "failed";
  /** Why a failed fire could not enqueue its batch (null for fires that failed before this was recorded). */
  error: string | null;
  /** Its batch's jobs per status (null until it has one, or once the batch was deleted). */
  batch: Omit<BatchCounts, "id"> | null;
}

export interface ScheduleView {
  id: string;
  name: string;
  symbols: string[];
  watchlist: { id: string; name: string | null } | null;
  options: ScheduleOptions;
  cron: string;
  /** The expression in words, for common shapes; null otherwise (show `upcoming`). */
  description: string | null;
  timeZone: string;
  enabled: boolean;
  missedPolicy: MissedPolicy;
  lastFireAt: string | null;
  nextFireAt: string | null;
  /** The next five fire times (for a paused schedule: those it would have if resumed now). */
  upcoming: string[];
  /** Most recent first. */
  fires: FireView[];
  /** Symbols that have no data the owner can use now: the next fire will fail until they do. */
  missingSymbols: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ViewExtras {
  now: Date;
  batches: Map<string, BatchCounts>;
  watchlistNames: Map<string, string>;
  available: Set<string>;
}

export function fireView(fire: ScheduleFire, schedule: Pick<Schedule, "lastFireAt">, batches: Map<string, BatchCounts>): FireView {
  const failed = fire.batchId === null && !fire.manual && schedule.lastFireAt !== null && fire.fireAt <= schedule.lastFireAt;
  const counts = fire.batchId ? batches.get(fire.batchId) : undefined;
  return {
    fireAt: fire.fireAt.toISOString(),
    manual: fire.manual,
    batchId: fire.batchId,
    state: fire.batchId ? "enqueued" : failed ? "failed" : "open",
    error: failed ? fire.errorMessage : null,
    batch: counts ? { name: counts.name, total: counts.total, counts: counts.counts, progress: counts.progress } : null,
  };
}

export function scheduleView(schedule: Schedule & { fires: ScheduleFire[] }, extras: ViewExtras): ScheduleView {
  const symbols = schedule.symbols as string[];
  const upcoming =
    schedule.enabled && schedule.nextFireAt
      ? [schedule.nextFireAt, ...nextFireTimes(schedule.cron, schedule.timeZone, schedule.nextFireAt, UPCOMING - 1)]
      : nextFireTimes(schedule.cron, schedule.timeZone, extras.now, UPCOMING);
  return {
    id: schedule.id,
    name: schedule.name,
    symbols,
    watchlist: schedule.watchlistId ? { id: schedule.watchlistId, name: extras.watchlistNames.get(schedule.watchlistId) ?? null } : null,
    options: schedule.options as ScheduleOptions,
    cron: schedule.cron,
    description: describeCron(schedule.cron),
    timeZone: schedule.timeZone,
    enabled: schedule.enabled,
    missedPolicy: schedule.missedPolicy as MissedPolicy,
    lastFireAt: schedule.lastFireAt?.toISOString() ?? null,
    nextFireAt: schedule.nextFireAt?.toISOString() ?? null,
    upcoming: upcoming.map((d) => d.toISOString()),
    fires: schedule.fires.map((f) => fireView(f, schedule, extras.batches)),
    missingSymbols: symbols.filter((s) => !extras.available.has(s)),
    createdAt: schedule.createdAt.toISOString(),
    updatedAt: schedule.updatedAt.toISOString(),
  };
}
