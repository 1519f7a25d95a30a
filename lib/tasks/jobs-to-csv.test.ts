import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./jobs-to-csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("Analyse 600519")).toBe("Analyse 600519");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, and leaves numbers as numbers", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });

  it("writes a header and rows with CRLF line ends", () => {
    expect(toCsv(["name", "progress"], [["=1", 40], ["ok", null]])).toBe("name,progress\r\n'=1,40\r\nok,\r\n");
  });
});
