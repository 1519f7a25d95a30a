/** Input the engine cannot analyse; retrying the same input cannot succeed. */
export class AnalysisInputError extends Error {
  override name = "AnalysisInputError";
}

/** Too few bars for the analysts that were asked for. */
export class InsufficientDataError extends AnalysisInputError {
  override name = "InsufficientDataError";
}

/** Malformed series: arrays of different lengths, dates not ascending, prices not positive. */
export class InvalidSeriesError extends AnalysisInputError {
  override name = "InvalidSeriesError";
}
