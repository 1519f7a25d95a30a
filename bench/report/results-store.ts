import fs from "node:fs";
import path from "node:path";
import type { Comparison, Table } from "../comparison";
import type { Machine } from "../machine";

/** Charts and the JSON of each comparison's last full run live here, next to the harness. */
export const RESULTS_DIR = path.join(process.cwd(), "bench", "results");

/** What BENCHMARKS.md is rendered from: one comparison's last full run. */
export interface StoredResult {
  name: string;
  title: string;
  method: string;
  measuredAt: string;
  durationS: number;
  /** The machine's 1-minute load average when the comparison started and ended (other work on a shared machine shows here). */
  load: { start: number; end: number };
  machine: Machine;
  tables: Table[];
  charts: { file: string; title: string }[];
  notes: string[];
}

export function saveResult(result: StoredResult): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${result.name}.json`), JSON.stringify(result, null, 2) + "\n");
}

/** The stored results of these comparisons, in their order; comparisons never run are left out. */
export function loadResults(comparisons: Comparison[]): StoredResult[] {
  return comparisons.flatMap((c) => {
    const file = path.join(RESULTS_DIR, `${c.name}.json`);
    return fs.existsSync(file) ? [JSON.parse(fs.readFileSync(file, "utf8")) as StoredResult] : [];
  });
}
