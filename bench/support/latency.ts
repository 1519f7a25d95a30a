import { quantile } from "simple-statistics";

/** Milliseconds since the epoch with sub-millisecond resolution, comparable between processes. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: number[]): LatencySummary {
  if (samples.length === 0) throw new Error("no samples to summarize");
  return { n: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
