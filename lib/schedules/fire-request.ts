import { analysisRequestSchema, type AnalysisRequest } from "../analysis/analysis-request";
import type { Schedule } from "../db/generated/sqlite";
import { formatInZone } from "./format-in-zone";

const MAX_TITLE = 120;

/**
 * The idempotency key of a fire's batch: the same for every attempt to enqueue that fire (in any
 * process, after any crash), so the registry creates its batch once.
 */
export function fireKey(scheduleId: string, fireAt: Date): string {
  return `schedule:${scheduleId}:${fireAt.toISOString()}`;
}

/** "Morning scan · Mon 2026-03-09 09:00 America/New_York": the schedule and the fire time, on the owner's clock. */
export function fireTitle(schedule: Pick<Schedule, "name" | "timeZone">, fireAt: Date, manual: boolean): string {
  const when = ` · ${formatInZone(fireAt, schedule.timeZone)} ${schedule.timeZone}${manual ? " (run now)" : ""}`;
  return `${schedule.name.slice(0, Math.max(1, MAX_TITLE - when.length))}${when}`.slice(0, MAX_TITLE);
}

/** The batch a fire submits, checked with today's rules for a batch submitted by hand. */
export function fireRequest(schedule: Schedule, fireAt: Date, manual: boolean): AnalysisRequest {
  return analysisRequestSchema.parse({
    ...(schedule.options as object),
    symbols: schedule.symbols,
    title: fireTitle(schedule, fireAt, manual),
    idempotencyKey: fireKey(schedule.id, fireAt),
  });
}
