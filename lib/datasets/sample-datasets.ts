import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Db } from "../db/client";
import type { JobQueue } from "../jobs";
import { createDataset } from "./create-dataset";
import { uploadsDir } from "./uploads-dir";

/** Real market data shipped in the vega-datasets npm package, shared with every user. */
export const SAMPLE_DATASETS = [
  { file: "sp500-2000.csv", name: "S&P 500 daily 2000–2020 (sample)", symbol: "SPX" },
  { file: "stocks.csv", name: "Tech stocks monthly 2000–2010 (sample)", symbol: null },
] as const;

export function sampleFilePath(file: string): string {
  // The package exports only its JS entry (build/index.js); the CSV files sit in data/ beside build/.
  const entry = createRequire(import.meta.url).resolve("vega-datasets");
  return path.join(path.dirname(entry), "..", "data", file);
}

/**
 * Imports each sample once (the first start), through the same upload path and import job as a
 * user's file. Each has an id made from its content hash, so a restart or a second process adds nothing.
 */
export async function ensureSampleDatasets(db: Db, queue: JobQueue): Promise<string[]> {
  const created: string[] = [];
  for (const sample of SAMPLE_DATASETS) {
    const source = sampleFilePath(sample.file);
    const bytes = await fs.promises.readFile(source);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const id = `sample-${sha256.slice(0, 24)}`;
    if (await db.dataset.findUnique({ where: { id }, select: { id: true } })) continue;
    await fs.promises.mkdir(uploadsDir(), { recursive: true });
    const storedPath = path.join(uploadsDir(), `${crypto.randomUUID()}.upload`);
    await fs.promises.writeFile(storedPath, bytes);
    try {
      await createDataset(db, queue, {
        id,
        ownerId: null,
        upload: { storedPath, fileName: sample.file, size: bytes.length, sha256 },
        name: sample.name,
        symbol: sample.symbol,
      });
      created.push(sample.name);
    } catch (err) {
      await fs.promises.rm(storedPath, { force: true });
      // Another process starting at the same moment created it first.
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  return created;
}
