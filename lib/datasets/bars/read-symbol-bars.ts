import type { Db } from "../../db/client";
import { decodeBars, type BarColumns } from "./bar-chunk";

export interface BarRange {
  /** UTC ms, inclusive; open-ended when missing. */
  from?: number;
  to?: number;
}

/** One symbol's bars of one dataset within the range, dates ascending, from its stored chunks. */
export async function readSymbolBars(db: Db, datasetId: string, symbol: string, range: BarRange = {}): Promise<BarColumns> {
  const chunks = await db.barChunk.findMany({
    where: {
      datasetId,
      symbol,
      ...(range.from !== undefined ? { lastDate: { gte: new Date(range.from) } } : {}),
      ...(range.to !== undefined ? { firstDate: { lte: new Date(range.to) } } : {}),
    },
    orderBy: { seq: "asc" },
    select: { barCount: true, bars: true },
  });
  return mergeBars(
    chunks.map((c) => decodeBars(c.bars, c.barCount)),
    range,
  );
}

/** Chunks of one symbol as one series: the bars within the range, dates ascending. */
export function mergeBars(chunks: readonly BarColumns[], { from = -Infinity, to = Infinity }: BarRange = {}): BarColumns {
  const picked: [BarColumns, number][] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.count; i++) {
      const date = chunk.dates[i]!;
      if (date >= from && date <= to) picked.push([chunk, i]);
    }
  }
  // Chunks are stored in the order the file gave; a file not sorted by date gives chunks that interleave.
  if (!ascending(picked)) picked.sort(([a, i], [b, j]) => a.dates[i]! - b.dates[j]!);
  const count = picked.length;
  const column = (name: Exclude<keyof BarColumns, "count">) => Float64Array.from(picked, ([chunk, i]) => chunk[name][i]!);
  return { count, dates: column("dates"), open: column("open"), high: column("high"), low: column("low"), close: column("close"), volume: column("volume") };
}

function ascending(picked: readonly [BarColumns, number][]): boolean {
  for (let k = 1; k < picked.length; k++) {
    const [a, i] = picked[k - 1]!;
    const [b, j] = picked[k]!;
    if (a.dates[i]! > b.dates[j]!) return false;
  }
  return true;
}
