import type { Spec } from "vega";

/**
 * The shape every comparison has: `npm run bench` runs each one and writes its tables, charts and
 * notes into BENCHMARKS.md. Add a comparison by writing a module that exports one of these and
 * listing it in bench/comparisons.ts.
 */
export interface Comparison {
  /** Short id used by `--only=` (kebab-case). */
  name: string;
  /** Section heading in BENCHMARKS.md. */
  title: string;
  /** What is measured and how, in a few sentences of Markdown. */
  method: string;
  /** Needs BENCH_DATABASE_URL: a full run refuses to start without it (--smoke runs the rest). */
  usesPostgres?: boolean;
  run(options: BenchOptions): Promise<ComparisonResult>;
}

export interface BenchOptions {
  /** Tiny sizes: proves every comparison still works; its figures mean nothing. */
  smoke: boolean;
  /** PostgreSQL server the comparisons create their own databases on; null: not configured. */
  postgresUrl: string | null;
  log(message: string): void;
}

export interface ComparisonResult {
  tables: Table[];
  charts: Chart[];
  /** Findings, misses and their causes: Markdown paragraphs shown under the tables. */
  notes: string[];
}

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface Chart {
  /** File name (no directory) of the SVG the harness renders. */
  file: string;
  title: string;
  spec: Spec;
}
