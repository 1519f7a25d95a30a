/*
 * Child process of the import comparison: reads and validates a file with the import's own reader
 * (lib/datasets/parse) on the import job's own source, writing nothing, and reports the wall time:
 * the import's share that no database can take away.
 */
import { fileChunks, readBars } from "../../lib/datasets/parse";
import { serveChild } from "../support/child-process";

export interface ReadRunResult {
  rows: number;
  seconds: number;
}

serveChild<{ file: string }, ReadRunResult>(async ({ file }) => {
  const started = performance.now();
  let rows = 0;
  for await (const batch of readBars(fileChunks(file))) rows += batch.length;
  return { rows, seconds: (performance.now() - started) / 1000 };
});
