import type { BuyAndHoldParams, Strategy } from "./strategy";

export const BUY_AND_HOLD: BuyAndHoldParams = { strategy: "buyAndHold" };

/** Always long: the baseline every strategy is compared with (bought one bar after the window opens). */
export function buyAndHoldStrategy(): Strategy<BuyAndHoldParams> {
  return {
    name: "buyAndHold",
    label: "Buy and hold",
    grid: [BUY_AND_HOLD],
    fill(_params, desired, from, to) {
      desired.fill(1, from, to + 1);
    },
  };
}
