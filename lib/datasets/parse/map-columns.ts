import { DatasetFormatError } from "./dataset-format-error";

/** Where each field of a bar is in a row (an index into the fields), or null when the file has no such column. */
export interface ColumnMap {
  date: number;
  close: number;
  open: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
  symbol: number | null;
  /** "yahoo", "akshare", "tushare", "baostock", "close-only" or "generic". */
  format: string;
  hasOhlc: boolean;
}

type Role = "date" | "open" | "high" | "low" | "close" | "adjClose" | "volume" | "symbol";

// Keys as `headerKey` makes them: lower case, without spaces, underscores, dashes, dots or a unit in brackets.
const SYNONYMS: Record<Role, string[]> = {
  date: ["date", "tradedate", "datetime", "日期", "交易日期", "时间"],
  open: ["open", "开盘", "开盘价"],
  high: ["high", "最高", "最高价"],
  low: ["low", "最低", "最低价"],
  close: ["close", "收盘", "收盘价", "price"],
  adjClose: ["adjclose"],
  volume: ["volume", "vol", "成交量"],
  symbol: ["symbol", "code", "tscode", "ticker", "股票代码", "代码", "证券代码"],
};
const BAOSTOCK_COLUMNS = ["preclose", "adjustflag", "tradestatus", "pctchg", "isst"];
const PLAIN_OHLCV = ["date", "open", "high", "low", "close", "volume"];

/**
 * Finds the bar fields in a header, by the usual English and Chinese names. `close` is preferred
 * to `adj close`, which is used only when there is no close. Other columns are ignored. Throws a
 * DatasetFormatError naming the columns found and those needed when there is no date or no close.
 */
export function mapColumns(header: string[]): ColumnMap {
  const keys = header.map(headerKey);
  const find = (role: Role) => {
    const index = keys.findIndex((key) => SYNONYMS[role].includes(key));
    return index === -1 ? null : index;
  };
  const date = find("date");
  const close = find("close") ?? find("adjClose");
  if (date === null || close === null) {
    const missing = [date === null ? "a date (date, trade_date, 日期)" : null, close === null ? "a close price (close, adj close, price, 收盘)" : null].filter(Boolean);
    const found = header.map((name) => JSON.stringify(name)).join(", ");
    throw new DatasetFormatError(`The columns were not recognised. Found: ${found}. Needed: ${missing.join(" and ")} column, named on the first line.`);
  }
  const open = find("open");
  const high = find("high");
  const low = find("low");
  const hasOhlc = open !== null && high !== null && low !== null;
  return { date, close, open, high, low, volume: find("volume"), symbol: find("symbol"), hasOhlc, format: formatOf(new Set(keys), hasOhlc, keys) };
}

function formatOf(keys: Set<string>, hasOhlc: boolean, ordered: string[]): string {
  if (keys.has("tscode") && keys.has("tradedate")) return "tushare";
  if (keys.has("code") && BAOSTOCK_COLUMNS.some((key) => keys.has(key))) return "baostock";
  if (keys.has("日期") && keys.has("收盘")) return "akshare";
  if (!hasOhlc) return "close-only";
  if (ordered.filter((key) => key !== "adjclose").join() === PLAIN_OHLCV.join()) return "yahoo";
  return "generic";
}

function headerKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[([].*$/, "")
    .replace(/[\s_\-.]/g, "");
}
