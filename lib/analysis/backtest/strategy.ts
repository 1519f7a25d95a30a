import type { StrategyParams } from "../types";

/** A parameterised long/flat rule evaluated on every bar's close. */
export interface Strategy<P extends StrategyParams> {
  name: P["strategy"];
  label: string;
  grid: P[];
  /**
   * Writes desired[t] (1 = long, 0 = flat after bar t's close) for t in from…to, from bars 0…t only.
   * Values outside from…to are left as they were.
   */
  fill(params: P, desired: Uint8Array, from: number, to: number): void;
}

export type BuyAndHoldParams = Extract<StrategyParams, { strategy: "buyAndHold" }>;
export type SmaCrossParams = Extract<StrategyParams, { strategy: "smaCross" }>;
export type RsiReversionParams = Extract<StrategyParams, { strategy: "rsiReversion" }>;
/** Parameters of the strategies searched over a grid (buy-and-hold has none). */
export type GridParams = SmaCrossParams | RsiReversionParams;
