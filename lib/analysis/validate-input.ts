import { AnalysisInputError, InsufficientDataError, InvalidSeriesError } from "./errors";
import type { AnalysisInput, AnalystName, PriceSeries } from "./types";

/** Bars each analyst needs: a month and a half of days, and twice that to trade and test. */
export const MIN_BARS: Record<AnalystName, number> = { technical: 30, risk: 30, backtest: 60 };
const ANALYSTS: readonly AnalystName[] = ["technical", "risk", "backtest"];

function validateSeries(series: PriceSeries, role: string): void {
  const { symbol, dates, close } = series;
  if (typeof symbol !== "string" || !symbol) throw new InvalidSeriesError(`Invalid series: the ${role} has no symbol.`);
  if (dates.length !== close.length) throw new InvalidSeriesError(`Invalid series: ${symbol} has ${dates.length} dates but ${close.length} closes.`);
  for (const [name, values] of Object.entries({ open: series.open, high: series.high, low: series.low, volume: series.volume })) {
    if (values && values.length !== close.length) {
      throw new InvalidSeriesError(`Invalid series: ${symbol} has ${values.length} ${name} values but ${close.length} closes.`);
    }
  }
  for (let i = 0; i < close.length; i++) {
    if (!Number.isFinite(dates[i]) || (i > 0 && !(dates[i]! > dates[i - 1]!))) {
      throw new InvalidSeriesError(`Invalid series: ${symbol} dates must be ascending, without repeats (row ${i + 1}).`);
    }
    if (!Number.isFinite(close[i]) || !(close[i]! > 0)) {
      throw new InvalidSeriesError(`Invalid series: ${symbol} close ${close[i]} at row ${i + 1} is not a positive number.`);
    }
  }
}

/**
 * Throws an AnalysisInputError (InsufficientDataError, InvalidSeriesError) for input that cannot be
 * analysed. Messages are English, for the job's error in the task center, and start with
 * "Insufficient data:", "Invalid series:" or "Invalid options:" (error classes do not survive the
 * trip back from a worker thread; messages do).
 */
export function validateInput(input: AnalysisInput): void {
  const { series, benchmark, options } = input;
  if (![1, 2, 3, 4, 5].includes(options.depth)) throw new AnalysisInputError(`Invalid options: depth ${options.depth} is not 1 to 5.`);
  if (!options.analysts.length || options.analysts.some((a) => !ANALYSTS.includes(a))) {
    throw new AnalysisInputError(`Invalid options: analysts must be some of ${ANALYSTS.join(", ")}.`);
  }
  validateSeries(series, "series");
  if (benchmark) validateSeries(benchmark, "benchmark");
  for (const analyst of options.analysts) {
    if (series.close.length < MIN_BARS[analyst]) {
      throw new InsufficientDataError(
        `Insufficient data: ${series.symbol} has ${series.close.length} bars; the ${analyst} analyst needs at least ${MIN_BARS[analyst]}.`,
      );
    }
  }
}

/** High and low are usable when both are present and every value is a positive number. */
export function hasHighLow(series: PriceSeries): series is PriceSeries & { high: number[]; low: number[] } {
  const usable = (values: number[] | null) => values !== null && values.every((v) => Number.isFinite(v) && v > 0);
  return usable(series.high) && usable(series.low);
}
