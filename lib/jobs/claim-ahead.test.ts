import { describe, expect, it } from "vitest";
import { ClaimAhead } from "./claim-ahead";

const full = (n: number, maxLagMs: number) => ({ requested: n, claimed: n, maxLagMs });

describe("ClaimAhead", () => {
  it("claims nothing ahead before a handler has run", () => {
    const ahead = new ClaimAhead(10, 20);
    ahead.batchStarted(full(10, 1));
    expect(ahead.size()).toBe(0);
  });

  it("opens to the slots, then doubles while claims come back full and start within half the budget", () => {
    const ahead = new ClaimAhead(10, 20);
    ahead.handlerRan(0.01);
    const sizes = [1, 2, 3, 4].map(() => (ahead.batchStarted(full(10 + ahead.size(), 5)), ahead.size()));
    expect(sizes).toEqual([10, 20, 40, 80]);
  });

  it("stays as it is when a claim comes back short or starts between half the budget and the budget", () => {
    const ahead = new ClaimAhead(10, 20);
    ahead.handlerRan(0.01);
    ahead.batchStarted(full(10, 5));
    ahead.batchStarted({ requested: 20, claimed: 7, maxLagMs: 5 });
    ahead.batchStarted(full(20, 15));
    expect(ahead.size()).toBe(10);
  });

  it("halves when the last job of a claim started later than the budget", () => {
    const ahead = new ClaimAhead(10, 20);
    ahead.handlerRan(0.01);
    for (let i = 0; i < 4; i++) ahead.batchStarted(full(10 + ahead.size(), 5));
    ahead.batchStarted(full(90, 25));
    expect(ahead.size()).toBe(40);
  });

  it("never holds more than the slots get through in the budget at the mean handler time", () => {
    const ahead = new ClaimAhead(10, 20);
    ahead.handlerRan(1); // 10 slots × 20 ms / 1 ms = 200 jobs, 190 of them beyond the slots
    for (let i = 0; i < 10; i++) ahead.batchStarted(full(10 + ahead.size(), 5));
    expect(ahead.size()).toBe(190);
  });

  it("never claims ahead jobs that take longer than the budget's share of a slot, nor with no budget", () => {
    const slow = new ClaimAhead(3, 20);
    slow.handlerRan(400);
    slow.batchStarted(full(3, 1));
    const off = new ClaimAhead(10, 0);
    off.handlerRan(0.01);
    off.batchStarted(full(10, 1));
    expect([slow.size(), off.size()]).toEqual([0, 0]);
  });

  it("holds at most 500 jobs ahead", () => {
    const ahead = new ClaimAhead(10, 60_000);
    ahead.handlerRan(0.01);
    for (let i = 0; i < 20; i++) ahead.batchStarted(full(10 + ahead.size(), 1));
    expect(ahead.size()).toBe(500);
  });
});
