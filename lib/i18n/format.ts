import { localeTag, type Locale } from "./locales";

/** A date (and by default the time) in the locale's format. */
export function formatDate(value: Date | string | number, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(localeTag(locale), options).format(new Date(value));
}

/** A moment as a time when it is on `now`'s day, as date and time otherwise. */
export function formatMoment(value: Date | string | number, now: number, locale: Locale): string {
  const date = new Date(value);
  const sameDay = date.toDateString() === new Date(now).toDateString();
  return formatDate(date, locale, sameDay ? { timeStyle: "medium" } : { dateStyle: "short", timeStyle: "short" });
}

/** A number in the locale's format; pass `{ style: "percent" }` for a ratio. */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeTag(locale), options).format(value);
}

/** A duration as its two largest units, e.g. "3m 05s" / "3分钟5秒", "2h 10m", "12s". */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: [number, "hour" | "minute" | "second"][] = [
    [Math.floor(total / 3600), "hour"],
    [Math.floor((total % 3600) / 60), "minute"],
    [total % 60, "second"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = first === -1 ? [parts[2]!] : parts.slice(first, first + 2);
  return shown
    .map(([n, unit]) => new Intl.NumberFormat(localeTag(locale), { style: "unit", unit, unitDisplay: "narrow" }).format(n))
    .join(locale === "zh" ? "" : " ");
}
