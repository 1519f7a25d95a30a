/*
 * The analysis engine's contract: what a job hands to `runAnalysis` and the JSON it gets back.
 * Every figure in a result is a finite number or null (never NaN or Infinity), so a result survives
 * JSON.stringify unchanged. Dates are UTC milliseconds.
 */

export type Interval = "daily" | "weekly" | "monthly" | "irregular";
export type AnalystName = "technical" | "risk" | "backtest";
export type Language = "zh" | "en";

export interface PriceSeries {
  symbol: string;
  interval: Interval;
  /** UTC ms, ascending. */
  dates: number[];
  open: number[] | null;
  high: number[] | null;
  low: number[] | null;
  close: number[];
  volume: number[] | null;
}

export interface AnalysisOptions {
  depth: 1 | 2 | 3 | 4 | 5;
  analysts: AnalystName[];
  language: Language;
  benchmarkSymbol?: string;
}

export interface AnalysisInput {
  series: PriceSeries;
  benchmark?: PriceSeries | null;
  options: AnalysisOptions;
}

export interface AnalysisHooks {
  progress?(percent: number, label: string): void;
}

export type Signal = "bullish" | "bearish" | "neutral";
export type Decision = "BUY" | "HOLD" | "SELL";
export type RiskLevel = "low" | "medium" | "high";

/* ---------------------------------------------------------------- technical analyst */

/** One rule applied to the latest bar, e.g. "close above the 200-bar SMA". */
export interface Check {
  name: string;
  signal: Signal;
  reason: string;
  /** False when the indicator had too little data or was skipped; such checks do not vote. */
  available: boolean;
}

export interface FamilyVerdict {
  signal: Signal;
  /** Mean of the checks' votes (bullish 1, neutral 0, bearish −1). */
  score: number;
  reason: string;
  checks: Check[];
}

export interface TrendFamily extends FamilyVerdict {
  sma20: number | null;
  sma50: number | null;
  sma200: number | null;
  ema12: number | null;
  ema26: number | null;
}

export interface MomentumFamily extends FamilyVerdict {
  rsi14: number | null;
  macd: { macd: number; signal: number; histogram: number } | null;
}

export interface VolatilityFamily extends FamilyVerdict {
  bollinger: { upper: number; middle: number; lower: number; percentB: number; bandwidth: number } | null;
  /** Null when ATR was skipped (see `atrSkipped`) or there are fewer than 15 bars. */
  atr14: number | null;
  atrPercent: number | null;
  /** True for close-only series: ATR needs high and low. */
  atrSkipped: boolean;
  /** Annualised standard deviation of the last 20 bar returns. */
  historicalVolatility20: number | null;
}

export interface PriceLevel {
  price: number;
  /** How many swing points fell into this level's cluster. */
  touches: number;
  lastDate: number;
}

export interface SupportResistanceFamily extends FamilyVerdict {
  supports: PriceLevel[];
  resistances: PriceLevel[];
  swingLookback: number;
}

export interface TechnicalResult {
  asOf: number;
  close: number;
  signal: Signal;
  score: number;
  trend: TrendFamily;
  momentum: MomentumFamily;
  volatility: VolatilityFamily;
  supportResistance: SupportResistanceFamily;
}

/* ---------------------------------------------------------------- risk analyst */

/** Loss fractions (0.02 = a 2 % loss), positive when the quantile is a loss. */
export interface TailRisk {
  var95: number;
  cvar95: number;
  var99: number;
  cvar99: number;
}

export interface PricePoint {
  index: number;
  date: number;
  price: number;
}

export interface Drawdown {
  /** Fraction of the peak lost at the trough (0.5 = −50 %). */
  depth: number;
  peak: PricePoint;
  trough: PricePoint;
  /** First bar back at or above the peak; null while not recovered. */
  recovery: PricePoint | null;
  bars: { decline: number; recovery: number | null; total: number | null };
  days: { decline: number; recovery: number | null; total: number | null };
}

export interface MonteCarloHorizon extends TailRisk {
  bars: number;
}

export interface BenchmarkRelation {
  symbol: string;
  /** Returns between consecutive dates present in both series. */
  alignedReturns: number;
  beta: number | null;
  correlation: number | null;
}

export interface RiskResult {
  returns: number;
  annualisedVolatility: number;
  perBarVolatility: number;
  maxDrawdown: Drawdown | null;
  /** Over every bar return (daily returns for a daily series). */
  historical: TailRisk;
  monteCarlo: { paths: number; seed: string; method: "iid bootstrap of bar returns"; horizons: MonteCarloHorizon[] };
  benchmark: BenchmarkRelation | null;
}

/* ---------------------------------------------------------------- backtest analyst */

export type StrategyName = "smaCross" | "rsiReversion";

export type StrategyParams =
  | { strategy: "buyAndHold" }
  | { strategy: "smaCross"; fast: number; slow: number }
  | { strategy: "rsiReversion"; period: number; lower: number; upper: number };

export interface Metrics {
  bars: number;
  totalReturn: number;
  cagr: number | null;
  annualisedVolatility: number;
  sharpe: number;
  /** Null when no bar lost money. */
  sortino: number | null;
  maxDrawdown: number;
  /** Round trips entered in the window; one still open at the end counts, marked at the last close. */
  trades: number;
  winRate: number | null;
  /** Fraction of bars holding a position. */
  exposure: number;
}

/** A stretch of the series: from one bar's close (UTC ms) to a later bar's close, `bars` returns long. */
export interface Period {
  from: number;
  to: number;
  bars: number;
}

export interface WalkForwardFold {
  train: Period;
  test: Period;
  /** The grid's best parameters on the training window. */
  params: StrategyParams;
  trainSharpe: number;
  /** Those parameters traded over the test window. */
  outOfSample: Metrics;
}

export interface WalkForward {
  folds: WalkForwardFold[];
  /** Mean Sharpe of each fold's winner on its own training window. */
  inSampleSharpe: number;
  /** Metrics of the test windows' returns stitched together. */
  outOfSample: Metrics;
  /** Buy-and-hold over the same test windows. */
  buyAndHold: Metrics;
  /** outOfSample.sharpe / inSampleSharpe; null when the in-sample Sharpe is not positive. */
  efficiency: number | null;
  overfit: boolean;
}

export interface StrategyReport {
  strategy: StrategyName;
  gridSize: number;
  /** The best parameters over the whole series (in-sample) and their figures. */
  best: StrategyParams;
  inSample: Metrics;
  /** Null when the series is too short for walk-forward folds. */
  walkForward: WalkForward | null;
  /** What the best parameters hold after the last bar. */
  currentPosition: "long" | "flat";
}

export interface Trade {
  date: number;
  side: "buy" | "sell";
  price: number;
}

export interface BacktestResult {
  costPerSide: number;
  execution: "signal at a bar's close, filled at the next bar's close";
  buyAndHold: Metrics;
  strategies: StrategyReport[];
  /** The strategy with the better out-of-sample Sharpe (in-sample when there are no folds). */
  bestStrategy: StrategyName | null;
}

/* ---------------------------------------------------------------- decision, chart, result */

export interface StopLoss {
  price: number;
  /** "atr": 2 × ATR 14; "volatility": 2 × the 14-bar return standard deviation × close (close-only data). */
  basis: "atr" | "volatility";
  distance: number;
  side: "below" | "above";
}

export interface DecisionResult {
  action: Decision;
  confidence: number;
  /** Weighted vote of the analysts that ran, −1 (sell) … 1 (buy). */
  score: number;
  riskLevel: RiskLevel;
  stopLoss: StopLoss;
  reasons: string[];
}

/**
 * What the results page draws, in lightweight-charts' units: `time` is UTC seconds (UTCTimestamp),
 * every other array is aligned with it. Prices keep 5 significant digits, lines and equity 4, which
 * keeps 5,000 daily bars under ~400 KB of JSON.
 */
export interface ChartData {
  time: number[];
  /** Null for close-only series (draw a line instead of candles). */
  open: number[] | null;
  high: number[] | null;
  low: number[] | null;
  close: number[];
  /** Null during each indicator's warm-up. Bollinger's middle band is sma20. */
  overlays: {
    sma20: (number | null)[];
    sma50: (number | null)[];
    sma200: (number | null)[];
    bollingerUpper: (number | null)[];
    bollingerLower: (number | null)[];
  };
  /** Fills of the best strategy's in-sample parameters over the whole series. */
  trades: { time: number; side: "buy" | "sell"; price: number }[];
  /** Growth of 1 invested at the first bar; null when the backtest did not run. */
  equity: { strategy: StrategyParams; buyAndHold: number[]; best: number[] } | null;
}

export interface AnalysisResult {
  symbol: string;
  fingerprint: string;
  interval: Interval;
  range: { from: number; to: number; bars: number };
  /** Bars per year used to annualise (252 daily, 52 weekly, 12 monthly, measured when irregular). */
  periodsPerYear: number;
  options: AnalysisOptions;
  technical?: TechnicalResult;
  risk?: RiskResult;
  backtest?: BacktestResult;
  decision: DecisionResult;
  /** Things skipped or approximated, in the report's language. */
  notes: string[];
  report: string;
  chart: ChartData;
}
