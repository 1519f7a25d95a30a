/*
 * The pool task on real worker threads (the registry's shared pool, TypeScript loaded through tsx):
 * three analyses at once, each identical to the same analysis run in this process.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeSharedPool, runInPool } from "../jobs/pool/pool";
import { fingerprintSeries } from "./fingerprint";
import { runAnalysis } from "./run-analysis";
import { head, monthlyStock, sp500Daily } from "./testing/sample-series";
import type { AnalysisInput, AnalysisResult } from "./types";

const root = path.resolve(import.meta.dirname, "../..");

afterAll(() => closeSharedPool());

describe("pool-task", () => {
  it("runs three analyses on pool threads, each on its own data, reporting progress", async () => {
    const inputs: AnalysisInput[] = [sp500Daily(), monthlyStock("MSFT"), monthlyStock("AAPL")].map((series) => ({
      series,
      options: { depth: 1, analysts: ["technical", "risk", "backtest"], language: "en" },
    }));
    const progress = inputs.map(() => [] as number[]);
    const results = await Promise.all(
      inputs.map((input, i) =>
        runInPool<AnalysisInput, AnalysisResult>("lib/analysis/pool-task.ts", input, {
          options: { root, maxThreads: 3 },
          onProgress: (percent) => progress[i]!.push(percent),
        }),
      ),
    );
    results.forEach((result, i) => {
      expect(result.symbol).toBe(inputs[i]!.series.symbol);
      expect(result.fingerprint).toBe(fingerprintSeries(inputs[i]!.series));
      expect(result).toEqual(runAnalysis(inputs[i]!));
      // The pool may drop the last messages posted just before a task returns, so not "ends at 100".
      expect(progress[i]!.length).toBeGreaterThan(5);
      expect(progress[i]!.every((p, k) => k === 0 || p >= progress[i]![k - 1]!)).toBe(true);
    });
  }, 60_000);

  it("sends input errors back by message (their classes do not cross the thread boundary)", async () => {
    const series = head(monthlyStock("MSFT"), 20);
    const failing = runInPool("lib/analysis/pool-task.ts", { series, options: { depth: 1, analysts: ["risk"], language: "zh" } }, { options: { root } });
    await expect(failing).rejects.toThrow(/^Insufficient data: MSFT has 20 bars; the risk analyst needs at least 30\.$/);
  }, 60_000);
});
