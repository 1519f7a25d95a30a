import type { Db } from "../db/client";
import type { Principal } from "../auth/permissions";
import { NotFoundError } from "../http/errors";
import { findViewableDataset } from "./find-viewable-dataset";

const MAX_BARS = 20_000;

/** One symbol's bars of a published dataset, oldest first (the most recent MAX_BARS), for its chart. */
export async function getBarsForViewer(db: Db, viewer: Principal, datasetId: string, symbol: string) {
  const dataset = await findViewableDataset(db, viewer, datasetId);
  const listed = dataset.symbols.find((s) => s.symbol === symbol);
  if (dataset.status !== "ready" || !listed) throw new NotFoundError(`No bars for ${symbol} in this dataset`);
  const rows = await db.priceBar.findMany({
    where: { datasetId, symbol },
    orderBy: { date: "desc" },
    take: MAX_BARS,
    select: { date: true, open: true, high: true, low: true, close: true, volume: true },
  });
  rows.reverse();
  return {
    symbol,
    hasOhlc: listed.hasOhlc,
    truncated: listed.rowCount > rows.length,
    bars: rows.map((r) => ({ time: r.date.toISOString().slice(0, 10), open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume })),
  };
}
