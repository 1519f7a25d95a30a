import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNumber } from "./parse-number";

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

describe("parseNumber, for any text (property)", () => {
  /** The rules, with regular expressions only: what the fast path must agree with. */
  function byPatterns(text: string): number {
    const trimmed = text.trim();
    const value = (/^(["'])(.*)\1$/.exec(trimmed)?.[2] ?? trimmed).trim();
    let n = NaN;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value)) n = Number(value);
    else if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(value) && (value.includes(".") || value.indexOf(",") !== value.lastIndexOf(","))) {
      n = Number(value.replaceAll(",", ""));
    }
    return Number.isFinite(n) ? n : NaN;
  }

  it("gives what the patterns give, on text of digits, points, signs, exponents, spaces, quotes and literal prefixes", () => {
    const unit = fc.constantFrom("0", "1", "9", ".", "+", "-", "e", "E", "x", "X", "o", "b", "B", " ", "\t", "\n", ",", '"', "'", "I", "n");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 9 }), (text) => {
        expect(parseNumber(text)).toBe(byPatterns(text));
      }),
      { numRuns: 50_000 },
    );
  });

  it("gives what Number() gives, bit for bit, on plain decimals of up to 15 digits", () => {
    const decimal = fc
      .tuple(fc.constantFrom("", "-", "+"), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 15 }), fc.nat({ max: 15 }))
      .map(([sign, digits, at]) => `${sign}${digits.slice(0, at)}.${digits.slice(at)}`.replace(/\.$/, at % 2 ? "." : ""))
      .filter((text) => /\d/.test(text));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parseNumber(text), Number(text))).toBe(true);
      }),
      { numRuns: 100_000 },
    );
    for (const text of ["0.1", "0.30000000000000004", "999999999999999", "123456789.123456", "-0", "-0.0", "1.7976931348623157", ".000000000000001"]) {
      expect(Object.is(parseNumber(text), Number(text)), text).toBe(true);
    }
  });

  it.each(["Infinity", "-Infinity", "0x1f", "0X1F", "0o17", "0b101", "0B1", "1e999", " 1 ", "1\n", "-0", "5.e3"])("%j as the patterns read it", (text) => {
    expect(parseNumber(text)).toBe(byPatterns(text));
  });
});
