import type { Interval } from "./types";

const FIXED: Record<Exclude<Interval, "irregular">, number> = { daily: 252, weekly: 52, monthly: 12 };
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Bars per year, the factor that annualises per-bar figures; measured from the dates when irregular. */
export function periodsPerYear(interval: Interval, dates: readonly number[]): number {
  if (interval !== "irregular") return FIXED[interval];
  const years = (dates[dates.length - 1]! - dates[0]!) / YEAR_MS;
  return years > 0 ? (dates.length - 1) / years : FIXED.daily;
}

export function yearsBetween(from: number, to: number): number {
  return (to - from) / YEAR_MS;
}
