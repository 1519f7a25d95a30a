import type { Db } from "../db/client";
import { readSymbolBars } from "../datasets/bars";
import type { Interval, PriceSeries } from "./types";

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from?: string | null;
  to?: string | null;
}

/**
 * A symbol's bars in the range from the newest published dataset its owner can use (their own or a
 * shared sample), read on the job's own database connection. Null when no such dataset has it.
 */
export async function loadSeries(db: Db, ownerId: string | null, symbol: string, range: DateRange = {}): Promise<PriceSeries | null> {
  const listed = await db.datasetSymbol.findFirst({
    where: { symbol, OR: ownerId ? [{ ownerId }, { ownerId: null }] : [{ ownerId: null }] },
    orderBy: { publishedAt: "desc" },
    include: { dataset: { select: { interval: true } } },
  });
  if (!listed) return null;
  const bars = await readSymbolBars(db, listed.datasetId, symbol, {
    from: range.from ? Date.parse(`${range.from}T00:00:00Z`) : undefined,
    to: range.to ? Date.parse(`${range.to}T00:00:00Z`) : undefined,
  });
  const complete = (column: Float64Array) => !column.some(Number.isNaN);
  const ohlc = listed.hasOhlc && complete(bars.open) && complete(bars.high) && complete(bars.low);
  return {
    symbol,
    interval: (listed.dataset.interval ?? "irregular") as Interval,
    dates: Array.from(bars.dates),
    open: ohlc ? Array.from(bars.open) : null,
    high: ohlc ? Array.from(bars.high) : null,
    low: ohlc ? Array.from(bars.low) : null,
    close: Array.from(bars.close),
    volume: complete(bars.volume) ? Array.from(bars.volume) : null,
  };
}
