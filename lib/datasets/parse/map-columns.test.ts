import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-format-error";
import { mapColumns } from "./map-columns";

describe("mapColumns", () => {
  it("prefers close to adj close, wherever they are", () => {
    expect(mapColumns(["Date", "Adj Close", "Close"]).close).toBe(2);
    expect(mapColumns(["date", "close", "adj_close"]).close).toBe(1);
  });

  it("uses adj close when there is no close", () => {
    expect(mapColumns(["Date", "Adj Close", "Volume"])).toMatchObject({ date: 0, close: 1, volume: 2, hasOhlc: false });
  });

  it("ignores case, spaces, underscores and units in brackets", () => {
    expect(mapColumns(["TRADE_DATE", " Open ", "HIGH", "low", "Close Price", "Price", "Vol", "TS Code"])).toMatchObject({
      date: 0,
      open: 1,
      high: 2,
      low: 3,
      close: 5,
      volume: 6,
      symbol: 7,
      hasOhlc: true,
    });
    expect(mapColumns(["交易日期", "证券代码", "开盘价", "最高价", "最低价", "收盘价", "成交量(手)", "成交额（元）"])).toMatchObject({
      date: 0,
      symbol: 1,
      open: 2,
      high: 3,
      low: 4,
      close: 5,
      volume: 6,
    });
  });

  it("names the layout", () => {
    expect(mapColumns(["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"]).format).toBe("yahoo");
    expect(mapColumns(["Date", "Open", "High", "Low", "Close", "Volume"]).format).toBe("yahoo");
    expect(mapColumns(["ts_code", "trade_date", "open", "high", "low", "close", "pre_close", "change", "pct_chg", "vol", "amount"]).format).toBe("tushare");
    expect(mapColumns(["date", "code", "open", "high", "low", "close", "preclose", "volume"]).format).toBe("baostock");
    expect(mapColumns(["日期", "股票代码", "开盘", "收盘", "最高", "最低", "成交量"]).format).toBe("akshare");
    expect(mapColumns(["symbol", "date", "price"]).format).toBe("close-only");
    expect(mapColumns(["symbol", "date", "open", "high", "low", "close", "volume"]).format).toBe("generic");
  });

  it("a file without a date or a close is refused with the columns found and needed", () => {
    expect(() => mapColumns(["time stamp", "last"])).toThrow(DatasetFormatError);
    expect(() => mapColumns(["time stamp", "last"])).toThrow('Found: "time stamp", "last". Needed: a date (date, trade_date, 日期) and a close price (close, adj close, price, 收盘) column');
  });
});
