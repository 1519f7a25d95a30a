const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_ABBREVIATIONS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const NICKNAMES: Record<string, string> = {
  "@yearly": "Every year on 1 January at 00:00",
  "@annually": "Every year on 1 January at 00:00",
  "@monthly": "On the 1st of every month at 00:00",
  "@weekly": "Every Sunday at 00:00",
  "@daily": "Every day at 00:00",
  "@midnight": "Every day at 00:00",
  "@hourly": "Every hour, on the hour",
};

const isNumber = (field: string) => /^\d{1,2}$/.test(field);
const pad = (n: string) => n.padStart(2, "0");

/**
 * A five-field cron expression in words, for the common shapes (every N minutes, hourly, daily,
 * weekdays, chosen days, monthly): "Weekdays (Monday–Friday) at 09:00". Null for anything else,
 * which the page shows as the expression and its next fire times.
 */
export function describeCron(expression: string): string | null {
  const text = expression.trim().replace(/\s+/g, " ");
  if (text.startsWith("@")) return NICKNAMES[text.toLowerCase()] ?? null;
  const fields = text.split(" ");
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (month !== "*") return null;

  const every = /^\*\/(\d+)$/;
  if (hour === "*" && dayOfMonth === "*" && dayOfWeek === "*") {
    if (minute === "*") return "Every minute";
    const step = every.exec(minute)?.[1];
    if (step) return Number(step) === 1 ? "Every minute" : `Every ${Number(step)} minutes`;
    if (isNumber(minute)) return Number(minute) === 0 ? "Every hour, on the hour" : `Every hour at minute ${Number(minute)}`;
    return null;
  }
  if (!isNumber(minute)) return null;
  const hourStep = every.exec(hour)?.[1];
  if (hourStep && dayOfMonth === "*" && dayOfWeek === "*") return `Every ${Number(hourStep)} hours at minute ${Number(minute)}`;
  const hours = hour.split(",");
  if (!hours.every(isNumber)) return null;
  const at = `at ${hours.map((h) => `${pad(h)}:${pad(minute)}`).join(" and ")}`;

  if (dayOfMonth !== "*") {
    if (dayOfWeek !== "*") return null;
    if (dayOfMonth === "L") return `On the last day of every month ${at}`;
    if (!isNumber(dayOfMonth)) return null;
    return `On day ${Number(dayOfMonth)} of every month ${at}`;
  }
  if (dayOfWeek === "*") return `Every day ${at}`;
  const days = weekdays(dayOfWeek);
  if (!days) return null;
  if (days.length === 7) return `Every day ${at}`;
  if (days.join() === "1,2,3,4,5") return `Weekdays (Monday–Friday) ${at}`;
  if (days.join() === "0,6") return `Weekends ${at}`;
  return `Every ${listInWords(days.map((d) => DAY_NAMES[d]!))} ${at}`;
}

/** The days of a day-of-week field (0 = Sunday), sorted; null when it is not a plain list or range. */
function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.toUpperCase().split(",")) {
    const range = part.split("-");
    if (range.length > 2) return null;
    const from = dayNumber(range[0]!);
    const to = range.length === 2 ? dayNumber(range[1]!) : from;
    if (from === null || to === null || to < from) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(text: string): number | null {
  if (/^[0-7]$/.test(text)) return Number(text);
  const i = DAY_ABBREVIATIONS.indexOf(text);
  return i === -1 ? null : i;
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
