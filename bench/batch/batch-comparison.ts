import path from "node:path";
import type { Comparison, ComparisonResult } from "../comparison";
import { barChart } from "../report/bar-chart";
import { runChild } from "../support/child-process";
import type { BatchRunInput, BatchRunResult } from "./batch-run";

const FULL: BatchRunInput = { depth: 3, sizes: [1, 3, 10], sleepMs: 2_000, concurrency: 10 };
const SMOKE: BatchRunInput = { depth: 1, sizes: [1, 3], sleepMs: 200, concurrency: 10 };
const SLEEP_TARGET = 1.1;

export const batchComparison: Comparison = {
  name: "batch",
  title: "Batch concurrency: one analysis vs a batch of 3 and of 10",
  method: [
    `Analyses at depth ${FULL.depth} of the S&P 500 sample (5,000 daily bars, 2000–2020) — the same work in every job —, all three analysts,`,
    `one worker process with ${FULL.concurrency} slots; the CPU-heavy stages run in the worker-thread pool (one thread per core).`,
    "Wall time from enqueue to the last job's end, as a ratio to one job's. The same with an I/O-bound handler (sleeping",
    `${FULL.sleepMs / 1000} s), where every job of a batch can wait at once.`,
    "On a 2-core machine CPU-bound work cannot beat 1.5× for 3 jobs (3 jobs' work on 2 cores); that is the aim.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const input = options.smoke ? SMOKE : FULL;
    options.log("batch: importing the samples and running batches…");
    const result = await runChild<BatchRunResult>(path.join(import.meta.dirname, "batch-run.ts"), input, { timeoutMs: 30 * 60_000 });
    const one = (rows: { size: number; seconds: number }[]) => rows.find((r) => r.size === 1)!.seconds;
    const notes: string[] = [];
    for (const r of result.sleeping) {
      if (r.size > 1 && r.seconds / one(result.sleeping) > SLEEP_TARGET) notes.push(`**Missed**: ${r.size} sleeping jobs took ${(r.seconds / one(result.sleeping)).toFixed(2)}× one (target ≤ ${SLEEP_TARGET}×).`);
    }
    const row = (kind: string, rows: { size: number; seconds: number }[], aim: (size: number) => string) =>
      rows.map((r) => [kind, String(r.size), `${r.seconds.toFixed(2)} s`, `${(r.seconds / one(rows)).toFixed(2)}×`, r.size === 1 ? "—" : aim(r.size)]);
    return {
      tables: [
        {
          title: `Wall time of a batch / one job`,
          columns: ["Work", "Jobs", "Wall time", "Ratio to one job", "Aim"],
          rows: [
            ...row(`analysis, depth ${input.depth}`, result.analysis, (n) => `floor ${(n / 2).toFixed(1)}× on 2 cores; sequential ${n}×`),
            ...row(`sleep ${input.sleepMs} ms`, result.sleeping, (n) => `target ≤ ${SLEEP_TARGET}×; sequential ${n}×`),
          ],
        },
      ],
      charts: [
        {
          file: "batch-ratio.svg",
          title: "Batch wall time as a multiple of one job",
          spec: barChart({
            title: "× one job's wall time",
            axis: "ratio",
            bars: [
              ...result.analysis.map((r) => ({ label: `${r.size} job${r.size > 1 ? "s" : ""}`, series: "analysis", value: r.seconds / one(result.analysis) })),
              ...result.sleeping.map((r) => ({ label: `${r.size} job${r.size > 1 ? "s" : ""}`, series: "sleeping", value: r.seconds / one(result.sleeping) })),
            ],
          }),
        },
      ],
      notes,
    };
  },
};
