import type { Db } from "../../db/client";
import type { BarRow } from "../parse";
import { decodeBars, orNull } from "./bar-chunk";

/** How many bars a dataset has stored, published or not. */
export async function countStoredBars(db: Db, datasetId?: string): Promise<number> {
  const { _sum } = await db.barChunk.aggregate({ where: datasetId ? { datasetId } : {}, _sum: { barCount: true } });
  return _sum.barCount ?? 0;
}

/** Every stored bar of a dataset (of one symbol, if given), one by one, by symbol then date: for checks and tests, not for the app's reads. */
export async function listStoredBars(db: Db, datasetId: string, symbol?: string): Promise<BarRow[]> {
  const chunks = await db.barChunk.findMany({ where: { datasetId, ...(symbol ? { symbol } : {}) }, select: { symbol: true, barCount: true, bars: true } });
  const bars: BarRow[] = [];
  for (const chunk of chunks) {
    const c = decodeBars(chunk.bars, chunk.barCount);
    for (let i = 0; i < c.count; i++) {
      bars.push({ symbol: chunk.symbol, date: new Date(c.dates[i]!), open: orNull(c.open[i]!), high: orNull(c.high[i]!), low: orNull(c.low[i]!), close: c.close[i]!, volume: orNull(c.volume[i]!) });
    }
  }
  // Code-unit order, whatever the database's collation.
  return bars.sort((a, b) => (a.symbol === b.symbol ? a.date.getTime() - b.date.getTime() : a.symbol < b.symbol ? -1 : 1));
}
