import { parse } from "csv-parse/sync";
import fc from "fast-check";
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

describe("CSV export, for any text (property)", () => {
  const FORMULA_START = /^[=+\-@\t\r]/;
  const cellText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ","), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
    fc.constantFrom('=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", '=1,"x"'),
  );

  it("reads back, through a real CSV parser, as the same cells, with formulas behind an apostrophe", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parse(toCsv(["a", "b"], rows), { relaxQuotes: false, bom: true }) as string[][];
        expect(parsed).toHaveLength(rows.length + 1);
        rows.forEach((row, r) =>
          row.forEach((text, c) => {
            const cell = parsed[r + 1]![c]!;
            expect(FORMULA_START.test(cell)).toBe(false);
            expect(cell).toBe(FORMULA_START.test(text) ? `'${text}` : text);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
