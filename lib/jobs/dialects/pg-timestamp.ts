/**
 * A PostgreSQL `timestamp` in text form, holding UTC, as a Date. The usual form
 * (`2026-11-30 14:00:52.123`, fraction optional and cut after its last non-zero digit) is read
 * digit by digit: a claim returns several per job, and building an ISO string for Date to parse
 * again cost more than the rest of the row. Anything else (years beyond 9999, BC, infinity) goes
 * through Date's own parser, as do years before 100.
 */
export function parseTimestamp(text: string): Date {
  const n = text.length;
  if (n >= 19 && n <= 26 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 32 && text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    const hour = digits(text, 11, 13);
    const minute = digits(text, 14, 16);
    const second = digits(text, 17, 19);
    let ms = 0;
    // Date.UTC would read years 0-99 as 1900-1999.
    let valid = year >= 100 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0;
    if (n > 19) {
      valid &&= text.charCodeAt(19) === 46 && n > 20;
      // Milliseconds from up to three fraction digits; a fourth or more (timestamp(6)) is dropped, as Date does.
      for (let i = 20, scale = 100; valid && i < n; i++, scale /= 10) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) valid = false;
        else if (i < 23) ms += d * scale;
      }
    }
    if (valid) return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  }
  return new Date(`${text.replace(" ", "T")}Z`);
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
