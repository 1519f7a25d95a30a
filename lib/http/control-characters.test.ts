import { describe, expect, it } from "vitest";
import { badTextPath, isCleanText, withoutControlCharacters } from "./control-characters";

describe("clean text", () => {
  it("allows any Unicode, tabs and line breaks; refuses C0 controls, DEL and lone surrogates", () => {
    for (const ok of ["AAPL", "贵州茅台 600519", "emoji 📈", "tab\there", "two\r\nlines", "\u202Eright-to-left", ""]) expect(isCleanText(ok), ok).toBe(true);
    for (const bad of ["\u0000", "a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "\ud800", "x\udc00y"]) expect(isCleanText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("finds the path of the first bad string or key in a JSON value", () => {
    expect(badTextPath({ a: "ok", b: ["fine", { c: "no\u0000" }] })).toBe("b.1.c");
    expect(badTextPath({ "k\u0000": 1 })).toBe("k\u0000");
    expect(badTextPath({ a: 1, b: null, c: [true, "ok"] })).toBeNull();
    expect(badTextPath("\ud800")).toBe("");
  });

  it("strips control characters from display text", () => {
    expect(withoutControlCharacters("a\u0000b\u0007c.csv")).toBe("abc.csv");
  });
});
