import type { Db } from "../db/client";
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
  const date = {
    ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}),
    ...(range.to ? { lte: new Date(`${range.to}T00:00:00Z`) } : {}),
  };
  const rows = await db.priceBar.findMany({
    where: { datasetId: listed.datasetId, symbol, ...(range.from || range.to ? { date } : {}) },
    orderBy: { date: "asc" },
    select: { date: true, open: true, high: true, low: true, close: true, volume: true },
  });
  const ohlc = listed.hasOhlc && rows.every((r) => r.open !== null && r.high !== null && r.low !== null);
  return {
    symbol,
    interval: (listed.dataset.interval ?? "irregular") as Interval,
    dates: rows.map((r) => r.date.getTime()),
    open: ohlc ? rows.map((r) => r.open!) : null,
    high: ohlc ? rows.map((r) => r.high!) : null,
    low: ohlc ? rows.map((r) => r.low!) : null,
    close: rows.map((r) => r.close),
    volume: rows.every((r) => r.volume !== null) ? rows.map((r) => r.volume!) : null,
  };
}
