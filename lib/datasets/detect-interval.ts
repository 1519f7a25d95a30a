import { median } from "simple-statistics";

export type BarInterval = "daily" | "weekly" | "monthly" | "irregular";

const MS_PER_DAY = 86_400_000;

/**
 * The bar interval of a series, from the median gap between consecutive distinct dates: up to 4
 * days is daily (weekends and holidays included), 5 to 10 weekly, 25 to 35 monthly.
 */
export function detectInterval(dates: Date[] | number[]): BarInterval {
  const times = [...new Set(dates.map((date) => (typeof date === "number" ? date : date.getTime())))].filter(Number.isFinite).sort((a, b) => a - b);
  if (times.length < 2) return "irregular";
  const gaps = times.slice(1).map((time, i) => (time - times[i]!) / MS_PER_DAY);
  const days = median(gaps);
  if (days <= 4) return "daily";
  if (days >= 5 && days <= 10) return "weekly";
  if (days >= 25 && days <= 35) return "monthly";
  return "irregular";
}
