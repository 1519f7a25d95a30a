import { describe, expect, it } from "vitest";
import { backtestMarket, simulate, type Fill } from "./simulate";

const DAY = 86_400_000;
const close = [100, 110, 121, 110, 99, 108.9];
const market = backtestMarket(close.map((_, t) => t * DAY), close, 252);

describe("simulate", () => {
  it("fills each wish at the next bar's close, pays costs per side and counts trades (hand-computed)", () => {
    const desired = Uint8Array.from([1, 1, 0, 0, 1, 1]);
    const net = new Float64Array(5);
    const fills: Fill[] = [];
    const trades = simulate(market, desired, 0, 5, 0.001, net, fills);
    expect(fills).toEqual([
      { index: 1, side: "buy", price: 110 },
      { index: 3, side: "sell", price: 110 },
      { index: 5, side: "buy", price: 108.9 },
    ]);
    // Bar 1: flat, pays the entry; bar 2: +10 %; bar 3: −9.09 % then the exit cost; bar 4 flat; bar 5 pays the entry.
    const expected = [-0.001, 0.1, (110 / 121) * 0.999 - 1, 0, -0.001];
    expected.forEach((r, i) => expect(net[i]).toBeCloseTo(r, 12));
    // Round trip 110 → 110 lost its costs; the open trade is below its entry after costs.
    expect(trades).toEqual({ entered: 2, won: 0, exposedBars: 2 });
  });

  it("treats a window as a fresh, flat account", () => {
    const desired = Uint8Array.from([1, 1, 1, 1, 1, 1]);
    const net = new Float64Array(3);
    const fills: Fill[] = [];
    const trades = simulate(market, desired, 2, 5, 0, net, fills);
    expect(fills).toEqual([{ index: 3, side: "buy", price: 110 }]);
    expect([...net]).toEqual([0, 99 / 110 - 1, 108.9 / 99 - 1]);
    expect(trades).toEqual({ entered: 1, won: 0, exposedBars: 2 });
  });

  it("counts a winning round trip", () => {
    const rising = backtestMarket([0, 1, 2, 3].map((t) => t * DAY), [10, 10, 12, 13], 252);
    const trades = simulate(rising, Uint8Array.from([1, 1, 0, 0]), 0, 3, 0.001, new Float64Array(3));
    expect(trades).toEqual({ entered: 1, won: 1, exposedBars: 2 });
  });
});
