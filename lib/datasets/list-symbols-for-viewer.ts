import type { Db } from "../db/client";
import type { Principal } from "../auth/permissions";

export interface SymbolWithData {
  symbol: string;
  datasetId: string;
  datasetName: string;
  rowCount: number;
  firstDate: string;
  lastDate: string;
}

/**
 * Every symbol the viewer can analyse (their own datasets and the samples), each from the newest
 * published dataset that has it.
 */
export async function listSymbolsForViewer(db: Db, viewer: Principal): Promise<SymbolWithData[]> {
  const rows = await db.datasetSymbol.findMany({
    where: { OR: [{ ownerId: viewer.id }, { ownerId: null }] },
    orderBy: [{ symbol: "asc" }, { publishedAt: "desc" }],
    include: { dataset: { select: { name: true } } },
  });
  const newest = new Map<string, SymbolWithData>();
  for (const r of rows) {
    if (newest.has(r.symbol)) continue;
    newest.set(r.symbol, {
      symbol: r.symbol,
      datasetId: r.datasetId,
      datasetName: r.dataset.name,
      rowCount: r.rowCount,
      firstDate: r.firstDate.toISOString().slice(0, 10),
      lastDate: r.lastDate.toISOString().slice(0, 10),
    });
  }
  return [...newest.values()];
}
