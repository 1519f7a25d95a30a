import type { AnalysisRequest } from "../analysis/analysis-request";

/** The analysis options a schedule stores (its `options` column) and every fired batch uses. */
export type ScheduleOptions = {
  from: string | null;
  to: string | null;
  depth: number;
  analysts: AnalysisRequest["analysts"];
  language: AnalysisRequest["language"];
  benchmarkSymbol: string | null;
};

export function scheduleOptions(request: AnalysisRequest): ScheduleOptions {
  return {
    from: request.from ?? null,
    to: request.to ?? null,
    depth: request.depth,
    analysts: request.analysts,
    language: request.language,
    benchmarkSymbol: request.benchmarkSymbol || null,
  };
}
