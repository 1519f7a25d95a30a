import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { chunked, fixture, readAll, row, vegaDataset } from "./test-support";

describe("readBars reads the usual layouts", () => {
  it("Yahoo: Date,Open,High,Low,Close,Adj Close,Volume with CRLF, symbol from the options, close preferred to adj close", async () => {
    const { bars, report } = await readAll(fixture("yahoo.csv"), { symbol: " aapl " });
    expect(bars.map(row)).toEqual([
      ["AAPL", "2024-01-02", 187.150002, 188.440002, 183.889999, 185.639999, 82488700],
      ["AAPL", "2024-01-03", 184.220001, 185.880005, 183.429993, 184.25, 58414500],
      ["AAPL", "2024-01-04", 182.149994, 183.089996, 180.880005, 181.910004, 71983600],
    ]);
    expect(report).toEqual({
      format: "yahoo",
      encoding: "utf-8",
      delimiter: ",",
      columns: ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"],
      rowsRead: 3,
      imported: 3,
      rejected: 0,
      problems: [],
      hasOhlc: true,
      symbols: ["AAPL"],
    });
  });

  const akshareBars = [
    ["600519", "2024-01-02", 1715, 1718.19, 1678.1, 1685.01, 32156],
    ["600519", "2024-01-03", 1681.11, 1695.22, 1676.33, 1694, 20479],
    ["600519", "2024-01-04", 1693, 1693, 1662.93, 1669, 25512],
  ];

  it("AkShare in UTF-8, with Chinese headers and the symbol given as an A-share code", async () => {
    const { bars, report } = await readAll(fixture("akshare.csv"), { symbol: "600519.SH" });
    expect(bars.map(row)).toEqual(akshareBars);
    expect(report).toMatchObject({ format: "akshare", encoding: "utf-8", hasOhlc: true, symbols: ["600519"], imported: 3 });
    expect(report.columns.slice(0, 6)).toEqual(["日期", "开盘", "收盘", "最高", "最低", "成交量"]);
  });

  it("AkShare saved as GBK by Chinese Excel is decoded as GB18030", async () => {
    const gbk = iconv.encode(fixture("akshare.csv").toString("utf8"), "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const { bars, report } = await readAll(gbk, { symbol: "sh.600519" });
    expect(bars.map(row)).toEqual(akshareBars);
    expect(report).toMatchObject({ format: "akshare", encoding: "gb18030", delimiter: ",", symbols: ["600519"] });
    expect(report.columns).toEqual(["日期", "开盘", "收盘", "最高", "最低", "成交量", "成交额", "振幅", "涨跌幅", "涨跌额", "换手率"]);
  });

  it("AkShare with a 股票代码 column, in UTF-8 with a byte order mark", async () => {
    const bytes = fixture("akshare-with-code.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { bars, report } = await readAll(bytes);
    expect(bars.map(row)).toEqual([
      ["000001", "2024-01-02", 9.39, 9.42, 9.21, 9.21, 1158366],
      ["000001", "2024-01-03", 9.19, 9.22, 9.15, 9.2, 733610],
      ["600519", "2024-01-02", 1715, 1718.19, 1678.1, 1685.01, 32156],
    ]);
    expect(report.columns[0]).toBe("日期");
    expect(report).toMatchObject({ format: "akshare", encoding: "utf-8", symbols: ["000001", "600519"] });
  });

  it("Tushare: ts_code, YYYYMMDD trade dates, newest first, kept in file order", async () => {
    const { bars, report } = await readAll(fixture("tushare.csv"));
    expect(bars.map(row)).toEqual([
      ["600519", "2024-01-04", 1693, 1693, 1662.93, 1669, 25512.42],
      ["600519", "2024-01-03", 1681.11, 1695.22, 1676.33, 1694, 20479.26],
      ["600519", "2024-01-02", 1715, 1718.19, 1678.1, 1685.01, 32156.72],
      ["000001", "2024-01-04", 9.19, 9.19, 9.08, 9.11, 1132414.17],
      ["000001", "2024-01-03", 9.19, 9.22, 9.15, 9.2, 733610.04],
    ]);
    expect(report).toMatchObject({ format: "tushare", symbols: ["000001", "600519"], rowsRead: 5, imported: 5 });
  });

  it("BaoStock: sh./sz. codes become bare six digits, extra columns ignored", async () => {
    const { bars, report } = await readAll(fixture("baostock.csv"));
    expect(bars.map(row)).toEqual([
      ["600519", "2024-01-02", 1715, 1718.19, 1678.1, 1685.01, 3215644],
      ["600519", "2024-01-03", 1681.11, 1695.22, 1676.33, 1694, 2047926],
      ["000001", "2024-01-02", 9.39, 9.42, 9.21, 9.21, 115836600],
    ]);
    expect(report).toMatchObject({ format: "baostock", hasOhlc: true, symbols: ["000001", "600519"] });
  });

  it("semicolons, a ticker column, dotted day-first dates and an empty volume", async () => {
    const { bars, report } = await readAll(fixture("semicolon.csv"));
    expect(bars.map(row)).toEqual([
      ["SAP.DE", "2024-01-02", 139.5, 140.2, 138.1, 139.8, 1200000],
      ["SAP.DE", "2024-01-03", 139, 139.9, 137.5, 138, 1350000],
      ["SAP.DE", "2024-01-04", 138.2, 139, 137.9, 138.6, null],
    ]);
    expect(report).toMatchObject({ format: "generic", delimiter: ";", rejected: 0 });
  });

  it("tabs, quoted numbers with thousands separators, and MM/DD/YYYY told apart by a day above 12", async () => {
    const { bars, report } = await readAll(fixture("tab.tsv"));
    expect(bars.map(row)).toEqual([
      ["SPY", "2024-01-12", 477.84, 478.6, 473.3, 476.68, 58026400],
      ["SPY", "2024-01-16", 475.26, 476.61, 473.06, 474.93, 85014900],
      ["SPY", "2024-01-17", 471.82, 472.79, 469.87, 472.29, 68843900],
    ]);
    expect(report).toMatchObject({ delimiter: "\t", rejected: 0 });
  });

  it("DD/MM/YYYY when a first number above 12 says so", async () => {
    const csv = "date,close\n05/01/2024,10\n16/01/2024,11\n";
    const { bars } = await readAll(Buffer.from(csv), { symbol: "X" });
    expect(bars.map(row)).toEqual([
      ["X", "2024-01-05", null, null, null, 10, null],
      ["X", "2024-01-16", null, null, null, 11, null],
    ]);
  });

  it("close-only: date,price with the symbol from the options", async () => {
    const { bars, report } = await readAll(fixture("close-only.csv"), { symbol: "^spx" });
    expect(bars.map(row)).toEqual([
      ["^SPX", "2024-01-31", null, null, null, 4845.65, null],
      ["^SPX", "2024-02-29", null, null, null, 5096.27, null],
      ["^SPX", "2024-03-28", null, null, null, 5254.35, null],
    ]);
    expect(report).toMatchObject({ format: "close-only", hasOhlc: false, symbols: ["^SPX"] });
  });

  it("a symbol column wins over the symbol option; symbols are trimmed, upper-cased and A-share codes unified", async () => {
    const { bars, report } = await readAll(fixture("multi-symbol.csv"), { symbol: "IGNORED" });
    expect(bars.map(row)).toEqual([
      ["600519", "2024-01-02", 1715, 1718.19, 1678.1, 1685.01, 32156],
      ["600519", "2024-01-03", 1681.11, 1695.22, 1676.33, 1694, 20479],
      ["MSFT", "2024-01-02", 373.86, 375.9, 366.77, 370.87, 25258600],
      ["MSFT", "2024-01-03", 369.01, 373.26, 368.51, 370.6, 23083500],
    ]);
    expect(report).toMatchObject({ format: "generic", symbols: ["600519", "MSFT"] });
  });

  it("yields batches of batchSize as they fill", async () => {
    const { batches, bars } = await readAll(fixture("bad-rows.csv"), { symbol: "X", batchSize: 3 });
    expect(batches).toEqual([3, 3, 3, 1]);
    expect(bars).toHaveLength(10);
  });
});

describe("readBars reads vega-datasets' real files", () => {
  it("sp500-2000.csv: 5105 daily bars of one symbol", async () => {
    const { bars, report, batches } = await readAll(chunked(vegaDataset("sp500-2000.csv"), 16 * 1024), { symbol: "SPX" });
    expect(report).toMatchObject({ format: "yahoo", rowsRead: 5105, imported: 5105, rejected: 0, hasOhlc: true, symbols: ["SPX"] });
    expect(batches).toEqual([1000, 1000, 1000, 1000, 1000, 105]);
    expect(row(bars[0]!)).toEqual(["SPX", "2000-01-03", 1469.25, 1478, 1438.359985, 1455.219971, 931800000]);
    expect(row(bars.at(-1)!)).toEqual(["SPX", "2020-04-17", 2842.429932, 2879.219971, 2830.879883, 2874.560059, 5792140000]);
  });

  it("stocks.csv: symbol,date,price with dates like Jan 1 2000", async () => {
    const { bars, report } = await readAll(vegaDataset("stocks.csv"));
    expect(report).toMatchObject({ format: "close-only", rowsRead: 560, imported: 560, rejected: 0, hasOhlc: false, symbols: ["AAPL", "AMZN", "GOOG", "IBM", "MSFT"] });
    const perSymbol: Record<string, number> = {};
    for (const bar of bars) perSymbol[bar.symbol] = (perSymbol[bar.symbol] ?? 0) + 1;
    expect(perSymbol).toEqual({ MSFT: 123, AMZN: 123, IBM: 123, GOOG: 68, AAPL: 123 });
    expect(row(bars[0]!)).toEqual(["MSFT", "2000-01-01", null, null, null, 39.81, null]);
    expect(bars.map(row)).toContainEqual(["IBM", "2000-01-01", null, null, null, 100.52, null]);
    expect(bars.map(row)).toContainEqual(["GOOG", "2004-08-01", null, null, null, 102.37, null]);
    expect(row(bars.at(-1)!)).toEqual(["AAPL", "2010-03-01", null, null, null, 223.02, null]);
  });
});
