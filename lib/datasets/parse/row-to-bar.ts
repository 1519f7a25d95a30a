import type { ColumnMap } from "./map-columns";
import { normaliseSymbol } from "./normalise-symbol";
import { parseNumber } from "./parse-number";
import { MS_PER_DAY, parseDay, type DayOrder } from "./parse-date";
import type { BarRow } from "./types";

export interface RowLayout {
  columns: ColumnMap;
  dayOrder: DayOrder;
  /** The symbol of every row when the file has no symbol column. */
  symbol: string | null;
  symbols: SymbolCache;
}

const MAX_CACHED_SYMBOLS = 10_000;
// Exports round each price on its own, so a high can come out a hair below the open or close.
const ROUNDING_TOLERANCE = 1e-3;
const MAX_SYMBOL_LENGTH = 32;
// Replacement characters come from bytes that were not text in the file's encoding.
const UNREADABLE = /[\uFFFD\p{Cc}]/u;

type CheckedSymbol = { symbol: string } | { problem: string };

/** Symbols checked once per distinct text, as the symbol or why it is not one: a file repeats a few symbols on every row. */
export class SymbolCache {
  private readonly known = new Map<string, CheckedSymbol>();

  read(text: string): CheckedSymbol {
    let checked = this.known.get(text);
    if (checked === undefined) {
      checked = checkSymbol(normaliseSymbol(text));
      if (this.known.size < MAX_CACHED_SYMBOLS) this.known.set(text, checked);
    }
    return checked;
  }
}

function checkSymbol(symbol: string): CheckedSymbol {
  if (!symbol) return { problem: "symbol is empty" };
  if (symbol.length > MAX_SYMBOL_LENGTH || UNREADABLE.test(symbol)) return { problem: `symbol ${JSON.stringify(symbol.slice(0, MAX_SYMBOL_LENGTH))} is not a valid symbol` };
  return { symbol };
}

/** A row of a price file as a bar, or the reason it is not a valid one. */
export function rowToBar(fields: string[], layout: RowLayout): BarRow | string {
  const { columns } = layout;
  const checked = layout.symbols.read(columns.symbol === null ? (layout.symbol ?? "") : (fields[columns.symbol] ?? ""));
  if ("problem" in checked) return checked.problem;
  const { symbol } = checked;

  const dateText = (fields[columns.date] ?? "").trim();
  if (!dateText) return "date is empty";
  const day = parseDay(dateText, layout.dayOrder);
  if (day === null) return `date ${JSON.stringify(dateText)} is not a date`;

  const close = price(fields, columns.close, "close");
  if (typeof close === "string") return close;
  const open = columns.open === null ? null : price(fields, columns.open, "open");
  if (typeof open === "string") return open;
  const high = columns.high === null ? null : price(fields, columns.high, "high");
  if (typeof high === "string") return high;
  const low = columns.low === null ? null : price(fields, columns.low, "low");
  if (typeof low === "string") return low;
  const volume = volumeOf(fields, columns.volume);
  if (typeof volume === "string") return volume;

  if (high !== null && low !== null && below(high, low)) return `high ${high} is below low ${low}`;
  const outside = (open !== null && outsideRange("open", open, high, low)) || outsideRange("close", close, high, low);
  if (outside) return outside;
  return { symbol, date: new Date(day * MS_PER_DAY), open, high, low, close, volume };
}

function outsideRange(name: string, value: number, high: number | null, low: number | null): string | null {
  if (high !== null && below(high, value)) return `high ${high} is below ${name} ${value}`;
  if (low !== null && below(value, low)) return `${name} ${value} is below low ${low}`;
  return null;
}

function price(fields: string[], index: number, name: string): number | string {
  const text = (fields[index] ?? "").trim();
  if (!text) return `${name} is empty`;
  const value = parseNumber(text);
  if (Number.isNaN(value)) return `${name} ${JSON.stringify(text)} is not a number`;
  if (value <= 0) return `${name} ${value} is not a positive price`;
  return value;
}

function volumeOf(fields: string[], index: number | null): number | null | string {
  const text = index === null ? "" : (fields[index] ?? "").trim();
  if (!text) return null;
  const value = parseNumber(text);
  if (Number.isNaN(value)) return `volume ${JSON.stringify(text)} is not a number`;
  if (value < 0) return `volume ${value} is negative`;
  return value;
}

function below(value: number, limit: number): boolean {
  return value < limit * (1 - ROUNDING_TOLERANCE);
}
