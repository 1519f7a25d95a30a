import { emaSeries, lastValue, smaSeries } from "../indicators";
import type { Messages } from "../messages/messages";
import type { Check, TrendFamily } from "../types";
import { unavailable, verdict } from "./verdict";

/** `slower` names the average that needs the most bars, for the reason when it is not ready. */
function compare(
  name: string,
  a: number | null,
  b: number | null,
  slower: { name: string; bars: number },
  reason: (above: boolean, gap: number) => string,
  m: Messages,
): Check {
  if (a === null || b === null) return unavailable(name, m.technical.notEnoughData(slower.name, slower.bars));
  const above = a > b;
  const signal = a === b ? "neutral" : above ? "bullish" : "bearish";
  return { name, signal, reason: reason(above, a / b - 1), available: true };
}

/** Moving-average trend: close against the long SMA, and the faster averages against the slower ones. */
export function analyseTrend(close: readonly number[], m: Messages): TrendFamily {
  const last = close[close.length - 1]!;
  const sma20 = lastValue(smaSeries(close, 20));
  const sma50 = lastValue(smaSeries(close, 50));
  const sma200 = lastValue(smaSeries(close, 200));
  const ema12 = lastValue(emaSeries(close, 12));
  const ema26 = lastValue(emaSeries(close, 26));
  const slow = { name: "SMA 200", bars: 200 };
  const checks = [
    compare("Close / SMA 200", last, sma200, slow, (above, gap) => m.technical.closeVsAverage("SMA 200", above, gap), m),
    compare("SMA 50 / SMA 200", sma50, sma200, slow, (above) => m.technical.averageVsAverage("SMA 50", "SMA 200", above), m),
    compare("SMA 20 / SMA 50", sma20, sma50, { name: "SMA 50", bars: 50 }, (above) => m.technical.averageVsAverage("SMA 20", "SMA 50", above), m),
    compare("EMA 12 / EMA 26", ema12, ema26, { name: "EMA 26", bars: 26 }, (above) => m.technical.averageVsAverage("EMA 12", "EMA 26", above), m),
  ];
  return { ...verdict("trend", checks, m), sma20, sma50, sma200, ema12, ema26 };
}
