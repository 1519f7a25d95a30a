import type { Db } from "../db/client";
import type { Principal } from "../auth/permissions";
import { NotFoundError } from "../http/errors";
import { orNull, readSymbolBars } from "./bars";
import { findViewableDataset } from "./find-viewable-dataset";

const MAX_BARS = 20_000;

/** One symbol's bars of a published dataset, oldest first (the most recent MAX_BARS), for its chart. */
export async function getBarsForViewer(db: Db, viewer: Principal, datasetId: string, symbol: string) {
  const dataset = await findViewableDataset(db, viewer, datasetId);
  const listed = dataset.symbols.find((s) => s.symbol === symbol);
  if (dataset.status !== "ready" || !listed) throw new NotFoundError(`No bars for ${symbol} in this dataset`);
  const stored = await readSymbolBars(db, datasetId, symbol);
  const from = Math.max(0, stored.count - MAX_BARS);
  const bars = [];
  for (let i = from; i < stored.count; i++) {
    bars.push({
      time: new Date(stored.dates[i]!).toISOString().slice(0, 10),
      open: orNull(stored.open[i]!),
      high: orNull(stored.high[i]!),
      low: orNull(stored.low[i]!),
      close: stored.close[i]!,
      volume: orNull(stored.volume[i]!),
    });
  }
  return { symbol, hasOhlc: listed.hasOhlc, truncated: from > 0, bars };
}
