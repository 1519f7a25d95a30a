import type { Prisma } from "../db/generated/sqlite";
import fs from "node:fs";
import type { DatabaseConfig } from "../db/config";
import { PermanentJobError, type JobContext, type Json } from "../jobs";
import { openBarWriter } from "./bar-writer";
import { DatasetFormatError, fileChunks, readBars } from "./parse";
import { publishDataset } from "./publish-dataset";
import { SymbolStats } from "./symbol-stats";

export const DATASET_IMPORT = "dataset-import";

export interface ImportPayload {
  datasetId: string;
}

/**
 * The `dataset-import` job: streams the stored upload through the CSV reader, writes its bars in
 * chunks per symbol on a connection of its own, then publishes them in one transaction. Every attempt first
 * removes what an earlier, interrupted attempt wrote, so a crash never leaves duplicated or partial
 * bars; readers only ever see published datasets.
 */
export async function importDataset(ctx: JobContext<ImportPayload>, config: DatabaseConfig): Promise<Json> {
  const { db } = ctx;
  const { datasetId } = ctx.payload;
  const dataset = await db.dataset.findUnique({ where: { id: datasetId } });
  if (!dataset) throw new PermanentJobError("The dataset was deleted before its import ran.");
  if (dataset.status === "ready") return { datasetId, rows: dataset.rowCount, alreadyImported: true };
  if (!dataset.storedPath || !fs.existsSync(dataset.storedPath)) {
    await markFailed(ctx, "The uploaded file is no longer on the server. Upload it again.");
    throw new PermanentJobError("The uploaded file is no longer on the server. Upload it again.");
  }
  await db.dataset.update({ where: { id: datasetId }, data: { status: "importing", errorMessage: null } });

  const size = Number(dataset.fileSize) || 1;
  const writer = await openBarWriter(config, datasetId);
  try {
    ctx.progress(0, "Reading rows");
    await writer.clear();
    const reader = readBars(fileChunks(dataset.storedPath), {
      symbol: dataset.symbolHint ?? undefined,
      signal: ctx.signal,
      onProgress: (bytes) => ctx.progress((bytes / size) * 95, "Reading rows"),
    });
    const stats = new SymbolStats();
    for await (const batch of reader) {
      ctx.signal.throwIfAborted();
      await writer.write(batch);
      stats.add(batch);
    }
    await writer.finish();
    ctx.signal.throwIfAborted();
    ctx.progress(97, "Publishing");
    await publishDataset(db, datasetId, stats, reader.report);
    await fs.promises.rm(dataset.storedPath, { force: true });
    await db.dataset.update({ where: { id: datasetId }, data: { storedPath: null } });
    const { rowsRead, imported, rejected } = reader.report;
    return { datasetId, symbols: reader.report.symbols, rowsRead, imported, rejected };
  } catch (err) {
    await writer.clear().catch(() => {});
    if (err instanceof DatasetFormatError) {
      await markFailed(ctx, err.message, err.report);
      throw new PermanentJobError(err.message);
    }
    if (ctx.signal.aborted) await markFailed(ctx, "The import was stopped. Retry it from the task center to start again.");
    else if (ctx.attempt >= ctx.maxAttempts) await markFailed(ctx, `The import failed: ${(err as Error).message}`);
    throw err;
  } finally {
    await writer.close();
  }
}

async function markFailed(ctx: JobContext<ImportPayload>, message: string, report?: unknown) {
  await ctx.db.dataset.updateMany({
    where: { id: ctx.payload.datasetId, status: { not: "ready" } },
    data: { status: "failed", errorMessage: message, ...(report ? { report: report as Prisma.InputJsonValue } : {}) },
  });
}
