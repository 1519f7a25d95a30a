import { describe, expect, it } from "vitest";
import { normaliseSymbol } from "./normalise-symbol";

describe("normaliseSymbol", () => {
  it.each([
    [" aapl ", "AAPL"],
    ["brk.b", "BRK.B"],
    ["600519.SH", "600519"],
    ["600519.ss", "600519"],
    ["000001.SZ", "000001"],
    ["sh.600519", "600519"],
    ["sz.000001", "000001"],
    ["SH600519", "600519"],
    ["bj.830799", "830799"],
    ["600519", "600519"],
    ["60051.SH", "60051.SH"],
    ["SH6005190", "SH6005190"],
    ["", ""],
  ])("%j is %j", (text, symbol) => {
    expect(normaliseSymbol(text)).toBe(symbol);
  });
});
