import { describe, expect, it } from "vitest";
import { ClaimAhead } from "./claim-ahead";

const full = (n: number, maxLagMs: number, maxHandlerMs = 0.01) => ({ requested: n, claimed: n, maxLagMs, maxHandlerMs });
const KINDS = ["noop"];

/** A ClaimAhead for 10 slots and a 20 ms budget whose one kind runs in `handlerMs`, after `claims` full, quick claims. */
function opened(claims: number, handlerMs = 0.01, budgetMs = 20) {
  const ahead = new ClaimAhead(10, budgetMs);
  ahead.handlerRan("noop", handlerMs);
  for (let i = 0; i < claims; i++) ahead.claimDone(full(10 + ahead.size(KINDS), 5));
  return ahead;
}

describe("ClaimAhead", () => {
  it("claims nothing ahead for a kind it has not seen finish", () => {
    const ahead = opened(3);
    expect([ahead.size(KINDS), ahead.size(["noop", "new"])]).toEqual([160, 0]);
  });

  it("opens to the slots, then quadruples while claims come back full and start within half the budget", () => {
    const ahead = opened(0);
    const sizes = [1, 2, 3, 4].map(() => (ahead.claimDone(full(10 + ahead.size(KINDS), 5)), ahead.size(KINDS)));
    expect(sizes).toEqual([10, 40, 160, 640]);
  });

  it("stays as it is when a claim starts, or one of its jobs runs, between half the budget and the budget", () => {
    const ahead = opened(2);
    ahead.claimDone(full(30, 15));
    ahead.claimDone(full(30, 5, 15));
    expect(ahead.size(KINDS)).toBe(40);
  });

  it("halves when the last job of a claim started later than the budget", () => {
    const ahead = opened(4);
    ahead.claimDone(full(650, 25));
    expect(ahead.size(KINDS)).toBe(320);
  });

  it("closes when a claim comes back short or empty: the queue ran dry", () => {
    const short = opened(4);
    short.claimDone({ requested: 90, claimed: 7, maxLagMs: 1, maxHandlerMs: 0.01 });
    const empty = opened(4);
    empty.claimed(90, 0);
    expect([short.size(KINDS), empty.size(KINDS)]).toEqual([0, 0]);
  });

  it("never holds more than the slots get through in the budget at the slowest kind's mean handler time", () => {
    expect(opened(10, 1).size(KINDS)).toBe(190); // 10 slots × 20 ms / 1 ms = 200 jobs, 190 of them beyond the slots
    const mixed = opened(10, 0.01);
    mixed.handlerRan("slow", 2);
    expect(mixed.size(["noop", "slow"])).toBe(90);
  });

  it("never claims ahead jobs that take longer than the budget's share of a slot, nor with no budget", () => {
    expect([opened(3, 400).size(KINDS), opened(3, 0.01, 0).size(KINDS)]).toEqual([0, 0]);
  });

  it("holds at most 1,000 jobs ahead", () => {
    expect(opened(20, 0.01, 60_000).size(KINDS)).toBe(1_000);
  });
});
