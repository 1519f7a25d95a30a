import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DaySet } from "./day-set";

describe("DaySet", () => {
  it("adds a day once", () => {
    const days = new DaySet();
    expect(days.add(19724)).toBe(true);
    expect(days.add(19724)).toBe(false);
    expect(days.add(19725)).toBe(true);
    expect(days.add(-1)).toBe(true);
    expect(days.add(-1)).toBe(false);
    expect(days.add(1023)).toBe(true);
    expect(days.add(1024)).toBe(true);
  });

  it("agrees with a Set of numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -70_000, max: 90_000 }), { maxLength: 300 }), (list) => {
        const days = new DaySet();
        const model = new Set<number>();
        for (const day of list) {
          expect(days.add(day)).toBe(!model.has(day));
          model.add(day);
        }
      }),
    );
  });
});
