import { explainCronError, FIVE_FIELDS } from "./explain-cron-error";
import { isTimeZone } from "./is-time-zone";
import { nextFireTime } from "./schedule-cron";

/**
 * Why `expression` cannot be a schedule, in plain words, or null when it can: five fields (or a
 * nickname like @daily) that croner accepts, and at least one fire time after `now`.
 */
export function cronProblem(expression: string, timeZone: string, now = new Date()): string | null {
  const text = expression.trim();
  if (!text) return "Enter a cron expression, e.g. “0 9 * * 1-5” for 09:00 on weekdays.";
  if (!text.startsWith("@") && text.split(/\s+/).length !== 5) return FIVE_FIELDS;
  if (!isTimeZone(timeZone)) return null; // the time zone's own check says what is wrong
  try {
    if (!nextFireTime(text, timeZone, now)) return "This expression never fires (e.g. 30 February). Check the day and month fields.";
  } catch (err) {
    return explainCronError(err);
  }
  return null;
}
