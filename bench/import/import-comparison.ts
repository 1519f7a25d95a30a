import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Comparison, ComparisonResult } from "../comparison";
import { barChart } from "../report/bar-chart";
import { runChild } from "../support/child-process";
import { count, ratio, seconds } from "../support/format";
import { createBenchDatabase } from "../support/postgres";
import { postgresCopy, sqliteImport } from "./bulk-loaders";
import type { ImportRunInput, ImportRunResult } from "./import-run";
import type { ReadRunResult } from "./read-run";
import { writeSyntheticOhlcv } from "./synthetic-ohlcv";

const FULL_ROWS = 1_000_000;
const SMOKE_ROWS = 5_000;
const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 300;

interface Row {
  database: string;
  rows: number;
  tandemSeconds: number;
  loaderSeconds: number;
  loader: string;
  peakRssBytes: number;
}

export const importComparison: Comparison = {
  name: "import",
  usesPostgres: true,
  title: "Dataset import: 1,000,000-row OHLCV CSV",
  method: [
    `A Yahoo-style multi-symbol OHLCV CSV of ${count(FULL_ROWS)} rows (50 symbols × 20,000 days; ~47 MB) goes through Tandem's real path`,
    "(dataset record, `dataset-import` job on a worker: streaming CSV reader, validation, the bars packed into chunks of 4,096 per symbol and",
    "stored on the job's own connection — from a thread of its own on SQLite — atomic publish),",
    "in a process of its own on a fresh database; **peak RSS** is that process's. Beside it, the database's own bulk loader reads the same file",
    "into a plain table of the same columns on the same disk/server: `sqlite3 .import` and `COPY` (psql `\\copy`), which validate nothing.",
    "**Where the time goes**: the import's reader alone (parse and validate the file, store nothing; a process of its own), and what the",
    "import takes beyond it.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const rows = options.smoke ? SMOKE_ROWS : FULL_ROWS;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-import-"));
    const measured: Row[] = [];
    let reading: ReadRunResult;
    try {
      const csv = path.join(dir, "ohlcv.csv");
      options.log(`import: writing a ${count(rows)}-row CSV…`);
      await writeSyntheticOhlcv(csv, rows);
      options.log("import: the reader alone…");
      reading = await runChild<ReadRunResult>(path.join(import.meta.dirname, "read-run.ts"), { file: csv }, { timeoutMs: 10 * 60_000 });

      options.log("import: Tandem on SQLite…");
      const sqlite = await importWithTandem({ databaseUrl: `file:${path.join(dir, "tandem.db")}`, file: csv });
      const loaderSeconds = sqliteImport(path.join(dir, "bulk.db"), csv);
      measured.push({ database: "SQLite", rows: sqlite.rows, tandemSeconds: sqlite.seconds, loaderSeconds, loader: "sqlite3 .import", peakRssBytes: sqlite.peakRssBytes });

      if (options.postgresUrl) {
        options.log("import: Tandem on PostgreSQL…");
        const tandemDb = await createBenchDatabase(options.postgresUrl, "import");
        const bulkDb = await createBenchDatabase(options.postgresUrl, "copy");
        try {
          const pg = await importWithTandem({ databaseUrl: tandemDb.url, file: csv });
          const copySeconds = await postgresCopy(bulkDb.url, csv);
          measured.push({ database: "PostgreSQL", rows: pg.rows, tandemSeconds: pg.seconds, loaderSeconds: copySeconds, loader: "COPY", peakRssBytes: pg.peakRssBytes });
        } finally {
          await tandemDb.drop();
          await bulkDb.drop();
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    for (const m of measured) if (m.rows !== rows) throw new Error(`import on ${m.database} stored ${m.rows} bars of ${rows}`);
    if (reading.rows !== rows) throw new Error(`the reader alone read ${reading.rows} bars of ${rows}`);
    const notes: string[] = [];
    for (const m of measured) {
      const r = m.loaderSeconds / m.tandemSeconds;
      if (r < TARGET_RATIO) notes.push(`**Missed on ${m.database}**: ${r.toFixed(2)}× of ${m.loader}'s rate (target ≥ ${TARGET_RATIO}×).`);
      if (m.peakRssBytes / 2 ** 20 >= TARGET_RSS_MB) notes.push(`**Missed on ${m.database}**: peak RSS ${Math.round(m.peakRssBytes / 2 ** 20)} MB (target < ${TARGET_RSS_MB} MB).`);
    }
    if (measured.some((m) => m.loaderSeconds / m.tandemSeconds < TARGET_RATIO)) notes.push(whyMissed(measured, reading.seconds));
    return {
      tables: [
        {
          title: `${count(rows)} rows`,
          columns: ["Database", "Tandem rows/s", "Bulk loader", "Loader rows/s", "Tandem / loader (target ≥ 0.5×)", "Tandem peak RSS (target < 300 MB)"],
          rows: measured.map((m) => [
            m.database,
            count(m.rows / m.tandemSeconds),
            m.loader,
            count(m.rows / m.loaderSeconds),
            ratio(m.loaderSeconds, m.tandemSeconds),
            `${Math.round(m.peakRssBytes / 2 ** 20)} MB`,
          ]),
        },
        {
          title: "Where the time goes (seconds)",
          columns: ["Database", "Tandem import", "Reader alone (no database)", "Import beyond the reader", "Bulk loader"],
          rows: measured.map((m) => [m.database, seconds(m.tandemSeconds), seconds(reading.seconds), seconds(m.tandemSeconds - reading.seconds), seconds(m.loaderSeconds)]),
        },
      ],
      charts: [
        {
          file: "import-throughput.svg",
          title: "Import throughput (rows/s)",
          spec: barChart({
            title: "Rows per second",
            axis: "rows/s",
            bars: measured.flatMap((m) => [
              { label: m.database, series: "Tandem import job", value: m.rows / m.tandemSeconds },
              { label: m.database, series: "bulk loader", value: m.rows / m.loaderSeconds },
            ]),
          }),
        },
      ],
      notes,
    };
  },
};

function importWithTandem(input: ImportRunInput): Promise<ImportRunResult> {
  return runChild<ImportRunResult>(path.join(import.meta.dirname, "import-run.ts"), input, { timeoutMs: 20 * 60_000 });
}

/** What the "where the time goes" figures say about a missed ratio, in this run's numbers. */
function whyMissed(measured: Row[], readerSeconds: number): string {
  const parts = measured.map(
    (m) =>
      `${m.database}: the loader took ${m.loaderSeconds.toFixed(2)} s; with storing free, the reader's ${readerSeconds.toFixed(2)} s alone would reach ` +
      `${(m.loaderSeconds / readerSeconds).toFixed(2)}× of its rate, and the import took ${(m.tandemSeconds - readerSeconds).toFixed(2)} s beyond the reader.`,
  );
  return [
    "**Why the ratio is missed.** The bulk loaders fill a table and check nothing. Tandem's reader alone —",
    "decoding, CSV parsing, and checking each row (dates, prices, high ≥ low, one bar per symbol and day) — is the larger part of the import.",
    ...parts,
  ].join(" ");
}
