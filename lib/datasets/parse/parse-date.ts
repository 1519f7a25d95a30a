/** Which comes first in a date like `03/04/2024`, decided once per file. */
export type DayOrder = "month-first" | "day-first";

export const MS_PER_DAY = 86_400_000;

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
// A time of day (and offset) after the date is allowed and ignored: a bar belongs to the day as written.
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const MONTH_NAME_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const MONTH_NAME_SECOND = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]\s*(\d{4})$/;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The day number (days since 1970-01-01) of a date written as `YYYY-MM-DD` (or `YYYY-M-D`, with
 * `/` or `.`, optionally with a time), `YYYYMMDD`, `MM/DD/YYYY` or `DD/MM/YYYY` (per `order`),
 * `Jan 1 2000`, `1 Jan 2000` or `2024年1月2日`; null when it is none of them or no real day.
 */
export function parseDay(text: string, order: DayOrder): number | null {
  const value = text.trim();
  if (isIsoDay(value)) return dayNumber(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
  let m = YEAR_FIRST.exec(value) ?? COMPACT.exec(value);
  if (m) return dayNumber(+m[1]!, +m[2]!, +m[3]!);
  m = YEAR_LAST.exec(value);
  if (m) return order === "day-first" ? dayNumber(+m[4]!, +m[3]!, +m[1]!) : dayNumber(+m[4]!, +m[1]!, +m[3]!);
  m = MONTH_NAME_FIRST.exec(value);
  if (m) return dayNumber(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = MONTH_NAME_SECOND.exec(value);
  if (m) return dayNumber(+m[3]!, monthNumber(m[2]!), +m[1]!);
  return null;
}

/**
 * Reads the order of day and month from sample dates of one file: a first number above 12 means
 * day-first, a second one above 12 month-first; with no such evidence, dotted dates (`03.04.2024`)
 * are day-first and the others month-first.
 */
export function detectDayOrder(samples: Iterable<string>): DayOrder {
  let dayFirst = false;
  let monthFirst = false;
  let dotted = false;
  for (const sample of samples) {
    const m = YEAR_LAST.exec(sample.trim());
    if (!m) continue;
    if (+m[1]! > 12) dayFirst = true;
    if (+m[3]! > 12) monthFirst = true;
    if (m[2] === ".") dotted = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? "day-first" : "month-first";
  return dotted ? "day-first" : "month-first";
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower) && (lower.length === 3 || lower === month || lower === "sept"));
  return index + 1;
}

const DASH = 45;
const ZERO = 48;
const NINE = 57;

/** `YYYY-MM-DD` exactly, the most common form by far: read without a regular expression. */
function isIsoDay(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - ZERO;
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dayNumber(year: number, month: number, day: number): number | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return null;
  return daysFromCivil(year, month, day);
}

/** Days since 1970-01-01 of a valid date, in integer arithmetic (H. Hinnant's days_from_civil): Date.UTC's day, cheaper. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
