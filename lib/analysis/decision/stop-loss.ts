import { atrSeries, lastValue } from "../indicators";
import { recentVolatility } from "../returns";
import type { StopLoss } from "../types";

const MULTIPLE = 2;
const PERIOD = 14;

/**
 * 2 × ATR 14 away from the last close: below it for a long position, above it after a sell. Without
 * high/low (or with too few bars for ATR), 2 × the 14-bar return standard deviation × close.
 */
export function stopLoss(close: readonly number[], high: readonly number[] | null, low: readonly number[] | null, side: StopLoss["side"]): StopLoss {
  const last = close[close.length - 1]!;
  const atr = high && low ? lastValue(atrSeries(high, low, close, PERIOD)) : null;
  const distance = atr !== null ? MULTIPLE * atr : MULTIPLE * (recentVolatility(close, PERIOD) ?? 0) * last;
  return {
    price: side === "below" ? last - distance : last + distance,
    basis: atr !== null ? "atr" : "volatility",
    distance,
    side,
  };
}
