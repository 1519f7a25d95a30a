import { describe, expect, it } from "vitest";
import { BufferPool } from "./buffer-pool";

describe("BufferPool", () => {
  it("hands back a given buffer of the size asked for, once, and a new one otherwise", () => {
    const pool = new BufferPool();
    const given = new ArrayBuffer(96);
    pool.give(given);
    expect(pool.take(48)).not.toBe(given);
    expect(pool.take(96)).toBe(given);
    expect(pool.take(96)).not.toBe(given);
  });

  it("keeps no detached buffer and no more than its bound", () => {
    const pool = new BufferPool(1);
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    pool.give(detached);
    const kept = new ArrayBuffer(8);
    pool.give(kept);
    pool.give(new ArrayBuffer(8));
    expect(pool.take(8)).toBe(kept);
    expect(pool.take(0).byteLength).toBe(0);
  });
});
