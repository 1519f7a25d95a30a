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
/** Rounds in a full run; every round runs the reader, then each database's import and loader, taking turns. */
const FULL_ROUNDS = 5;
const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 300;

interface Rounds {
  database: string;
  loader: string;
  tandemSeconds: number[];
  loaderSeconds: number[];
  peakRssBytes: number[];
}

/** A database's median rounds. */
interface Row {
  database: string;
  loader: string;
  tandemSeconds: number;
  loaderSeconds: number;
  /** The highest of the rounds. */
  peakRssBytes: number;
  /** Each round's loader time / import time. */
  ratios: number[];
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
    `All of it runs in ${FULL_ROUNDS} rounds, Tandem and the loader taking turns to go first, so that a slower spell of the machine does not`,
    "fall on one side alone: times are each side's median round (element ⌊n/2⌋ of the sorted rounds), peak RSS the highest round's,",
    "and the ratio column lists every round's.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const rows = options.smoke ? SMOKE_ROWS : FULL_ROWS;
    const rounds = options.smoke ? 1 : FULL_ROUNDS;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-import-"));
    const sqlite = newRounds("SQLite", "sqlite3 .import");
    const postgres = options.postgresUrl ? newRounds("PostgreSQL", "COPY") : null;
    const readerSeconds: number[] = [];
    try {
      const csv = path.join(dir, "ohlcv.csv");
      options.log(`import: writing a ${count(rows)}-row CSV…`);
      await writeSyntheticOhlcv(csv, rows);
      for (let round = 0; round < rounds; round++) {
        const tandemFirst = round % 2 === 0;
        options.log(`import: round ${round + 1} of ${rounds}: the reader alone, then each database (${tandemFirst ? "Tandem" : "the loader"} first)…`);
        const reading = await runChild<ReadRunResult>(path.join(import.meta.dirname, "read-run.ts"), { file: csv }, { timeoutMs: 10 * 60_000 });
        if (reading.rows !== rows) throw new Error(`the reader alone read ${reading.rows} bars of ${rows}`);
        readerSeconds.push(reading.seconds);

        const roundDir = fs.mkdtempSync(path.join(dir, "round-"));
        try {
          await inTurn(
            tandemFirst,
            async () => record(sqlite, rows, await importWithTandem({ databaseUrl: `file:${path.join(roundDir, "tandem.db")}`, file: csv })),
            async () => sqlite.loaderSeconds.push(sqliteImport(path.join(roundDir, "bulk.db"), csv)),
          );
        } finally {
          fs.rmSync(roundDir, { recursive: true, force: true });
        }

        if (options.postgresUrl && postgres) {
          const tandemDb = await createBenchDatabase(options.postgresUrl, "import");
          const bulkDb = await createBenchDatabase(options.postgresUrl, "copy");
          try {
            await inTurn(
              tandemFirst,
              async () => record(postgres, rows, await importWithTandem({ databaseUrl: tandemDb.url, file: csv })),
              async () => postgres.loaderSeconds.push(await postgresCopy(bulkDb.url, csv)),
            );
          } finally {
            await tandemDb.drop();
            await bulkDb.drop();
          }
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const measured = [sqlite, ...(postgres ? [postgres] : [])].map(medians);
    const reader = median(readerSeconds);
    const notes: string[] = [];
    for (const m of measured) {
      const r = m.loaderSeconds / m.tandemSeconds;
      if (r < TARGET_RATIO) notes.push(`**Missed on ${m.database}**: ${r.toFixed(2)}× of ${m.loader}'s rate (target ≥ ${TARGET_RATIO}×).`);
      if (m.peakRssBytes / 2 ** 20 >= TARGET_RSS_MB) notes.push(`**Missed on ${m.database}**: peak RSS ${Math.round(m.peakRssBytes / 2 ** 20)} MB (target < ${TARGET_RSS_MB} MB).`);
    }
    if (measured.some((m) => m.loaderSeconds / m.tandemSeconds < TARGET_RATIO)) notes.push(whyMissed(measured, reader));
    return {
      tables: [
        {
          title: `${count(rows)} rows, median of ${rounds} round${rounds === 1 ? "" : "s"}`,
          columns: ["Database", "Tandem rows/s", "Bulk loader", "Loader rows/s", "Tandem / loader (target ≥ 0.5×)", "Each round", "Tandem peak RSS (target < 300 MB)"],
          rows: measured.map((m) => [
            m.database,
            count(rows / m.tandemSeconds),
            m.loader,
            count(rows / m.loaderSeconds),
            ratio(m.loaderSeconds, m.tandemSeconds),
            m.ratios.map((r) => `${r.toFixed(2)}×`).join(" · "),
            `${Math.round(m.peakRssBytes / 2 ** 20)} MB`,
          ]),
        },
        {
          title: "Where the time goes (seconds, median rounds)",
          columns: ["Database", "Tandem import", "Reader alone (no database)", "Import beyond the reader", "Bulk loader"],
          rows: measured.map((m) => [m.database, seconds(m.tandemSeconds), seconds(reader), seconds(m.tandemSeconds - reader), seconds(m.loaderSeconds)]),
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
              { label: m.database, series: "Tandem import job", value: rows / m.tandemSeconds },
              { label: m.database, series: "bulk loader", value: rows / m.loaderSeconds },
            ]),
          }),
        },
      ],
      notes,
    };
  },
};

function newRounds(database: string, loader: string): Rounds {
  return { database, loader, tandemSeconds: [], loaderSeconds: [], peakRssBytes: [] };
}

function record(rounds: Rounds, rows: number, result: ImportRunResult): void {
  if (result.rows !== rows) throw new Error(`import on ${rounds.database} stored ${result.rows} bars of ${rows}`);
  rounds.tandemSeconds.push(result.seconds);
  rounds.peakRssBytes.push(result.peakRssBytes);
}

function medians(r: Rounds): Row {
  return {
    database: r.database,
    loader: r.loader,
    tandemSeconds: median(r.tandemSeconds),
    loaderSeconds: median(r.loaderSeconds),
    peakRssBytes: Math.max(...r.peakRssBytes),
    ratios: r.tandemSeconds.map((t, i) => r.loaderSeconds[i]! / t),
  };
}

function median(values: number[]): number {
  return values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Runs the Tandem step and the loader step, in the order given. */
async function inTurn(tandemFirst: boolean, tandem: () => Promise<unknown>, loader: () => Promise<unknown>): Promise<void> {
  for (const step of tandemFirst ? [tandem, loader] : [loader, tandem]) await step();
}

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
