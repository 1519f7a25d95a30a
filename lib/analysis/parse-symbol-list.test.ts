import { describe, expect, it } from "vitest";
import { parseSymbolList } from "./parse-symbol-list";

describe("parseSymbolList", () => {
  it("splits on lines, commas, spaces and full-width separators, normalising A-share codes", () => {
    expect(parseSymbolList("aapl, MSFT\n600519.SH；sz.000001  spx").symbols).toEqual(["AAPL", "MSFT", "600519", "000001", "SPX"]);
  });

  it("drops duplicates after normalising and reports them", () => {
    expect(parseSymbolList("600519 sh600519 AAPL aapl")).toEqual({ symbols: ["600519", "AAPL"], duplicates: ["600519", "AAPL"], invalid: [] });
  });

  it("flags entries that cannot be symbols", () => {
    const list = parseSymbolList("AAPL <script> " + "X".repeat(30));
    expect(list.symbols).toEqual(["AAPL"]);
    expect(list.invalid).toEqual(["<script>", "X".repeat(30)]);
  });
});
