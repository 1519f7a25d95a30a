/*
 * Runs one analysis on a worker thread of the job registry's pool:
 * `ctx.runInPool<AnalysisInput, AnalysisResult>("lib/analysis/pool-task.ts", input)`.
 * Imports only pure modules (no database, no Next.js).
 */
import { runAnalysis } from "./run-analysis";
import type { AnalysisInput, AnalysisResult } from "./types";

type Progress = (percent: number, label?: string) => void;

export default function analysisTask(input: AnalysisInput, { progress }: { progress: Progress }): AnalysisResult {
  return runAnalysis(input, { progress });
}
