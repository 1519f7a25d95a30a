/** The fields of a cron expression as croner numbers them (5-field expressions start at the minute). */
const FIELDS = [
  { key: "second", words: "seconds", range: "0–59" },
  { key: "minute", words: "minute", range: "0–59" },
  { key: "hour", words: "hour", range: "0–23" },
  { key: "day", words: "day-of-month", range: "1–31 (or L for the last day)" },
  { key: "month", words: "month", range: "1–12 or JAN–DEC" },
  { key: "dayOfWeek", words: "day-of-week", range: "0–7 (0 and 7 are Sunday) or SUN–SAT" },
  { key: "year", words: "year", range: "1–9999" },
] as const;

export const FIVE_FIELDS =
  "A cron expression has five fields separated by spaces: minute, hour, day of month, month and day of week (e.g. “0 9 * * 1-5” is 09:00 on weekdays).";

/**
 * croner's error about an expression, in plain words: "The hour field must be 0–23." The value
 * croner quotes is sometimes shifted by one (it counts months and days from 0), so the words name
 * the field and its range rather than repeat it.
 */
export function explainCronError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const text = message.replace(/^CronPattern:\s*/, "");
  const field = /Invalid value for (\w+)/.exec(text)?.[1];
  const known = FIELDS.find((f) => f.key === field);
  if (known) return `The ${known.words} field must be ${known.range}.`;
  const illegal = /configuration entry (\d) \((.*)\) contains illegal characters/.exec(text);
  if (illegal) {
    const words = FIELDS[Number(illegal[1])]?.words ?? "a";
    return `The ${words} field “${illegal[2]}” has characters cron does not understand: use numbers, *, commas, ranges like 1-5, steps like */15 and names like MON or JAN.`;
  }
  const backwards = /From value is larger than to value: '(.*)'/.exec(text);
  if (backwards) return `The range “${backwards[1]}” runs backwards: write the smaller value first.`;
  if (/stepping|steps/i.test(text)) return "A step (the number after “/”) must follow * or a range, as in */15 or 9-17/2, and be at least 1 and no larger than the field’s range.";
  if (/illegal (lower|upper) range/.test(text)) return "A range needs a value on both sides of the dash, as in 1-5 or MON-FRI.";
  const name = /has to stand alone \('(.*)'\)/.exec(text);
  if (name) return `Write day and month names with three letters, like MON or JAN (not “${name[1]}”).`;
  if (/nth weekday/.test(text)) return "“#” picks the 1st to 5th such weekday of the month, as in FRI#2, or FRI#L for the last one.";
  if (/parts|space separated/.test(text)) return FIVE_FIELDS;
  if (/timezone/i.test(text)) return "Unknown time zone: use a name like Europe/Berlin or America/New_York.";
  return `This is not a cron expression Tandem understands: ${text}`;
}
