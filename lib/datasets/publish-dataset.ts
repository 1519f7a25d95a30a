import type { Prisma } from "../db/generated/sqlite";
import type { Db } from "../db/client";
import { detectInterval } from "./detect-interval";
import type { ImportReport } from "./parse";
import type { SymbolStats } from "./symbol-stats";

/**
 * Makes an import's bars visible, all at once: the dataset turns `ready` and its symbols are
 * listed in one transaction. Until then no reader looks at its bars; from then on, a symbol's data
 * is this dataset if it is the newest to have it.
 */
export async function publishDataset(db: Db, datasetId: string, stats: SymbolStats, report: ImportReport, now = new Date()): Promise<void> {
  const symbols = stats.summaries().sort((a, b) => a.symbol.localeCompare(b.symbol));
  const rowCount = symbols.reduce((n, s) => n + s.rowCount, 0);
  const firstDate = new Date(Math.min(...symbols.map((s) => s.firstDate.getTime())));
  const lastDate = new Date(Math.max(...symbols.map((s) => s.lastDate.getTime())));
  await db.$transaction(async (tx) => {
    const dataset = await tx.dataset.update({
      where: { id: datasetId },
      data: {
        status: "ready",
        rowCount,
        firstDate,
        lastDate,
        interval: detectInterval([...stats.sampleDates].sort((a, b) => a - b)),
        report: report as unknown as Prisma.InputJsonValue,
        errorMessage: null,
        publishedAt: now,
      },
      select: { ownerId: true },
    });
    await tx.datasetSymbol.deleteMany({ where: { datasetId } });
    await tx.datasetSymbol.createMany({
      data: symbols.map((s) => ({ datasetId, ownerId: dataset.ownerId, hasOhlc: report.hasOhlc, publishedAt: now, ...s })),
    });
  });
}
