import { PermanentJobError, type JobContext, type Json } from "../jobs";
import { loadSeries } from "./load-series";
import type { AnalysisInput, AnalysisOptions } from "./types";

export const ANALYSIS = "analysis";
/** Runs in the registry's worker-thread pool (path from the app's root). */
const POOL_TASK = "lib/analysis/pool-task.ts";
const MIN_BARS = 30;

export interface AnalysisPayload extends AnalysisOptions {
  symbol: string;
  from?: string | null;
  to?: string | null;
}

/**
 * The `analysis` job: loads its symbol's bars (stage 1), then runs the analysts and the decision in
 * the worker-thread pool. Everything it uses is built here, for this job alone.
 */
export async function runAnalysisJob(ctx: JobContext<AnalysisPayload>): Promise<Json> {
  const { symbol, from, to, benchmarkSymbol, ...options } = ctx.payload;
  ctx.progress(0, "Load data");
  const series = await loadSeries(ctx.db, ctx.ownerId, symbol, { from, to });
  if (!series) throw new PermanentJobError(`No price data for ${symbol}. Upload a dataset that has it, then retry.`);
  if (series.close.length < MIN_BARS) {
    const range = from || to ? ` between ${from ?? "the start"} and ${to ?? "the end"}` : "";
    throw new PermanentJobError(`Too little data for ${symbol}${range}: ${series.close.length} bars, at least ${MIN_BARS} are needed.`);
  }
  const benchmark = benchmarkSymbol && benchmarkSymbol !== symbol ? await loadSeries(ctx.db, ctx.ownerId, benchmarkSymbol, { from, to }) : null;
  ctx.signal.throwIfAborted();
  const input: AnalysisInput = { series, benchmark, options: { ...options, benchmarkSymbol: benchmark ? benchmarkSymbol : undefined } };
  try {
    return await ctx.runInPool<AnalysisInput, Json>(POOL_TASK, input);
  } catch (err) {
    // The engine's input errors (see errors.ts) arrive from the pool thread as plain Errors with their message.
    if (err instanceof Error && /^(Insufficient data|Invalid series|Invalid options):/.test(err.message)) throw new PermanentJobError(err.message);
    throw err;
  }
}
