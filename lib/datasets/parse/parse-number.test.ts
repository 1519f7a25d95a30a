import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isPlainNumberText, parseNumber } from "./parse-number";

describe("parseNumber", () => {
  it.each([
    ["10", 10],
    ["10.5", 10.5],
    ["-0.25", -0.25],
    ["+3", 3],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["  12.5  ", 12.5],
    ['"12.5"', 12.5],
    [" ' 7 ' ", 7],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ['"58,026,400"', 58026400],
  ])("%j is %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["", " ", "abc", "1,234", "1,5", "12,34.5", "1.234,5", "1 234", "0x10", "Infinity", "1e400", "NaN", "10.5.1", "--1", "null", "-"])("%j is not a number", (text) => {
    expect(parseNumber(text)).toBeNaN();
  });
});

describe("isPlainNumberText", () => {
  it("agrees with the plain-number pattern on any text of digits, points, signs and exponents", () => {
    const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("0", "1", "9", ".", "+", "-", "e", "E", "x", " ", ","), maxLength: 8 }), (text) => {
        expect(isPlainNumberText(text)).toBe(PLAIN.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
