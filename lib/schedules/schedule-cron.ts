import { Cron } from "croner";

/**
 * The one way Tandem reads a schedule's cron expression: croner, in the schedule's IANA time zone
 * (croner handles DST: a fixed time in the spring-forward gap fires at the first time after it, a
 * fixed time that occurs twice in the autumn fires once). Throws croner's errors.
 */
export function scheduleCron(expression: string, timeZone: string): Cron {
  return new Cron(expression, { timezone: timeZone });
}

/** The next `count` fire times strictly after `after`. */
export function nextFireTimes(expression: string, timeZone: string, after: Date, count: number): Date[] {
  return scheduleCron(expression, timeZone).nextRuns(count, after);
}

/** The first fire time strictly after `after`, or null when the expression never fires again. */
export function nextFireTime(expression: string, timeZone: string, after: Date): Date | null {
  return scheduleCron(expression, timeZone).nextRun(after);
}

/**
 * The most recent fire time at or before `now`, and never earlier than `due` (the schedule's
 * nextFireAt, which is due): the instant a pass fires when it finds the schedule due.
 */
export function latestDueTime(expression: string, timeZone: string, due: Date, now: Date): Date {
  // previousRuns excludes its reference instant: one millisecond later includes a fire time equal to `now`.
  const [latest] = scheduleCron(expression, timeZone).previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest > due ? latest : due;
}
