import { describe, expect, it } from "vitest";
import { chunked, fixture, readAll, readFailure, row, vegaDataset } from "./test-support";

describe("readBars refuses files it cannot import", () => {
  it("an empty file, or one of blank lines", async () => {
    expect((await readFailure(fixture("empty.csv"), { symbol: "X" })).message).toBe("The file is empty.");
    expect((await readFailure(Buffer.from("\r\n\n  \n"), { symbol: "X" })).message).toBe("The file is empty.");
  });

  it("a header and no rows", async () => {
    const err = await readFailure(fixture("header-only.csv"), { symbol: "X" });
    expect(err.message).toBe("The file has a header but no rows.");
    expect(err.report?.columns).toEqual(["date", "open", "high", "low", "close", "volume"]);
  });

  it("a binary file", async () => {
    const err = await readFailure(vegaDataset("7zip.png"), { symbol: "X" });
    expect(err.message).toMatch(/^This is not a text file/);
  });

  it("columns without a date or a close, naming the columns found and needed", async () => {
    const err = await readFailure(fixture("wrong-columns.csv"), { symbol: "X" });
    expect(err.message).toContain('Found: "name", "value", "unit"');
    expect(err.message).toContain("a date (date, trade_date, 日期)");
    expect(err.message).toContain("a close price (close, adj close, price, 收盘)");
    const noClose = await readFailure(Buffer.from("date,open,volume\n2024-01-02,1,2\n"), { symbol: "X" });
    expect(noClose.message).toContain('Found: "date", "open", "volume". Needed: a close price');
    expect(noClose.message).not.toContain("a date (");
  });

  it("no symbol column and no symbol given", async () => {
    const err = await readFailure(fixture("yahoo.csv"));
    expect(err.message).toMatch(/no symbol column .*enter the symbol/);
  });

  it("no valid row at all: the first problems are in the message, the report is attached", async () => {
    const err = await readFailure(fixture("only-bad.csv"), { symbol: "X" });
    expect(err.message).toBe('None of the 3 rows is valid: line 2: date "yesterday" is not a date; line 3: close -1 is not a positive price; line 4: close is empty');
    expect(err.bars).toEqual([]);
    expect(err.report).toMatchObject({ rowsRead: 3, imported: 0, rejected: 3 });
  });

  it("mostly invalid rows fail after the valid ones were yielded", async () => {
    const err = await readFailure(fixture("mostly-bad.csv"), { symbol: "X" });
    expect(err.message).toMatch(/^The file is mostly invalid: 3 of 4 rows rejected \(line 3: close "ten" is not a number; line 4: close 0 is not a positive price; line 5: date "not a date" is not a date\)/);
    expect(err.bars.map(row)).toEqual([["X", "2024-01-02", null, null, null, 10, null]]);
  });

  it("a quote that is never closed", async () => {
    const err = await readFailure(Buffer.from('date,close\n2024-01-02,"10\n2024-01-03,11\n'), { symbol: "X" });
    expect(err.message).toMatch(/never closed/);
  });

  it("a line far too long to be a row of prices, cut between chunks or whole in one", async () => {
    const file = Buffer.from(`date,close\n2024-01-02,1\n2024-01-03,${"9".repeat(100_000)}\n2024-01-04,2\n`);
    for (const chunkSize of [64 * 1024, file.length]) {
      const err = await readFailure(chunked(file, chunkSize), { symbol: "X" });
      expect(err.message, `chunks of ${chunkSize} bytes`).toMatch(/^Line 3: a row is longer than/);
    }
  });

  it("a quote that is never closed, named by the line it opens on", async () => {
    const err = await readFailure(Buffer.from('date,close\n2024-01-02,1\n2024-01-03,"11\n2024-01-04,12\n'), { symbol: "X" });
    expect(err.message).toMatch(/^Line 3: a quoted field starts here .*never closed/);
  });
});

describe("readBars skips and reports bad rows", () => {
  it("a few bad rows: skipped, counted, reported with their line numbers", async () => {
    const { bars, report } = await readAll(fixture("bad-rows.csv"), { symbol: "X" });
    expect(report).toMatchObject({ rowsRead: 16, imported: 10, rejected: 6 });
    expect(report.problems).toEqual([
      { line: 4, message: 'date "2024-13-01" is not a date' },
      { line: 8, message: "high 10.2 is below low 10.5" },
      { line: 10, message: "volume -5 is negative" },
      { line: 12, message: "open is empty" },
      { line: 14, message: 'close "abc" is not a number' },
      { line: 16, message: "X already has a bar on 2024-01-05 (the first one is kept)" },
    ]);
    expect(bars.map((bar) => bar.date.toISOString().slice(0, 10))).toEqual([
      "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-09", "2024-01-11", "2024-01-15", "2024-01-17", "2024-01-18", "2024-01-19",
    ]);
    expect(row(bars.at(-2)!)).toEqual(["X", "2024-01-18", 11.7, 11.9, 11.6, 11.8, null]);
  });

  it("duplicate dates: the second bar of a symbol and day is rejected, other symbols may share the day", async () => {
    const { bars, report } = await readAll(fixture("duplicates.csv"));
    expect(bars.map(row)).toEqual([
      ["AAA", "2024-01-02", null, null, null, 10, null],
      ["AAA", "2024-01-03", null, null, null, 11, null],
      ["BBB", "2024-01-02", null, null, null, 20, null],
      ["AAA", "2024-01-04", null, null, null, 13, null],
    ]);
    expect(report.problems).toEqual([{ line: 5, message: "AAA already has a bar on 2024-01-02 (the first one is kept)" }]);
  });

  it("prices out of order beyond rounding are rejected, within rounding accepted", async () => {
    const csv = ["date,open,high,low,close", "2024-01-02,10.005,10.00,9.50,9.80", "2024-01-03,10.50,10.00,9.50,9.80", "2024-01-04,9.00,10.00,9.50,9.80", "2024-01-05,9.60,10.00,9.50,10.20", "2024-01-08,9.60,10.00,9.50,9.90", "2024-01-09,9.60,10.00,9.50,9.90", "2024-01-10,9.60,10.00,9.50,9.90"].join("\n");
    const { bars, report } = await readAll(Buffer.from(csv), { symbol: "X" });
    expect(bars.map(row)[0]).toEqual(["X", "2024-01-02", 10.005, 10, 9.5, 9.8, null]);
    expect(bars).toHaveLength(4);
    expect(report.problems).toEqual([
      { line: 3, message: "high 10 is below open 10.5" },
      { line: 4, message: "open 9 is below low 9.5" },
      { line: 5, message: "high 10 is below close 10.2" },
    ]);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("line numbers are the file's lines, with blank lines and quoted line breaks (%s)", async (_, br) => {
    const csv = ["symbol,date,close,note", "", "X,2024-01-02,x,", `X,2024-01-03,1,"two${br}lines"`, "  ", "X,2024-01-04,y,", "X,2024-01-05,2,", "X,2024-01-08,3,"].join(br);
    const { report } = await readAll(Buffer.from(csv));
    expect(report.problems).toEqual([
      { line: 3, message: 'close "x" is not a number' },
      { line: 7, message: 'close "y" is not a number' },
    ]);
    expect(report).toMatchObject({ rowsRead: 5, imported: 3 });
  });

  it("keeps the first 100 problems and counts them all", async () => {
    const lines = ["date,close"];
    for (let i = 0; i < 150; i++) lines.push(`2024-01-02,${i === 0 ? 1 : "x"}`);
    for (let i = 0; i < 150; i++) lines.push(`${2000 + Math.floor(i / 12)}-${(i % 12) + 1}-01,1`);
    const { report } = await readAll(Buffer.from(lines.join("\n")), { symbol: "X" });
    expect(report).toMatchObject({ rowsRead: 300, imported: 151, rejected: 149 });
    expect(report.problems).toHaveLength(100);
    expect(report.problems[0]).toEqual({ line: 3, message: 'close "x" is not a number' });
    expect(report.problems[99]!.line).toBe(102);
  });
});
