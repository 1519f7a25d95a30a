/*
 * Test data from the vega-datasets package: the S&P 500 daily sample (2000-01-03 … 2020-04-17,
 * OHLC) and the monthly close-only `stocks.csv` (MSFT, AMZN, IBM, GOOG, AAPL, 2000 … 2010).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { PriceSeries } from "../types";

const DATA = path.resolve(import.meta.dirname, "../../../node_modules/vega-datasets/data");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DATA, file), "utf8"), { columns: true, skip_empty_lines: true });
}

export function sp500Daily(): PriceSeries {
  const rows = readCsv("sp500-2000.csv");
  const column = (name: string) => rows.map((r) => Number(r[name]));
  return {
    symbol: "SPX",
    interval: "daily",
    dates: rows.map((r) => Date.parse(`${r.date}T00:00:00Z`)),
    open: column("open"),
    high: column("high"),
    low: column("low"),
    close: column("close"),
    volume: column("volume"),
  };
}

/** "Jan 1 2000" → UTC ms. */
function monthDate(text: string): number {
  const [month, day, year] = text.split(" ");
  return Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day));
}

export function monthlyStock(symbol: "MSFT" | "AMZN" | "IBM" | "GOOG" | "AAPL"): PriceSeries {
  const rows = readCsv("stocks.csv").filter((r) => r.symbol === symbol);
  return {
    symbol,
    interval: "monthly",
    dates: rows.map((r) => monthDate(r.date!)),
    open: null,
    high: null,
    low: null,
    close: rows.map((r) => Number(r.price)),
    volume: null,
  };
}

/** The first `bars` bars of a series. */
export function head(series: PriceSeries, bars: number): PriceSeries {
  const cut = (values: number[] | null) => values && values.slice(0, bars);
  return {
    ...series,
    dates: series.dates.slice(0, bars),
    open: cut(series.open),
    high: cut(series.high),
    low: cut(series.low),
    close: series.close.slice(0, bars),
    volume: cut(series.volume),
  };
}
