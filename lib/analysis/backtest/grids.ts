import type { DepthProfile } from "../depth";
import { rsiReversionGrid } from "./rsi-reversion";
import { smaCrossGrid } from "./sma-cross";
import type { RsiReversionParams, SmaCrossParams } from "./strategy";

/** A lookback must leave this many times its length in the series. */
const LOOKBACK_ROOM = 4;

/** Daily-bar periods rescaled to the interval (a 200-day SMA is a ~10-bar SMA on months), at least 2. */
function rescale(periods: readonly number[], periodsPerYear: number): number[] {
  return [...new Set(periods.map((p) => Math.max(2, Math.round((p * periodsPerYear) / 252))))];
}

export function strategyGrids(
  profile: DepthProfile,
  bars: number,
  periodsPerYear: number,
): { smaCross: SmaCrossParams[]; rsiReversion: RsiReversionParams[] } {
  const fits = (period: number) => period * LOOKBACK_ROOM <= bars;
  return {
    smaCross: smaCrossGrid(rescale(profile.smaFast, periodsPerYear), rescale(profile.smaSlow, periodsPerYear).filter(fits)),
    rsiReversion: rsiReversionGrid(profile.rsiPeriods.filter(fits), profile.rsiLower, profile.rsiUpper),
  };
}
