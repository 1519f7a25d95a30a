import { seededRandom } from "../random";
import type { PriceSeries } from "../types";

const DAY = 86_400_000;

/**
 * A seeded daily random walk: each bar's return is drift(t) + 1 % × a standard normal draw
 * (Box–Muller). Calendar days, no weekends; OHLC null.
 */
export function randomWalk(symbol: string, seed: string, bars: number, drift: (t: number) => number = () => 0): PriceSeries {
  const random = seededRandom(seed);
  const close = [100];
  for (let t = 1; t < bars; t++) {
    const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    close.push(close[t - 1]! * (1 + drift(t) + 0.01 * normal));
  }
  const start = Date.UTC(2000, 0, 3);
  return {
    symbol,
    interval: "daily",
    dates: close.map((_, t) => start + t * DAY),
    open: null,
    high: null,
    low: null,
    close,
    volume: null,
  };
}
