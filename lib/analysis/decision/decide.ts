import type { Messages } from "../messages/messages";
import type {
  BacktestResult,
  Decision,
  DecisionResult,
  RiskLevel,
  RiskResult,
  StrategyReport,
  TechnicalResult,
} from "../types";
import { riskLevelOf } from "./risk-level";
import { stopLoss } from "./stop-loss";

const ACTION_THRESHOLD = 0.2;
const WEIGHT = { technical: 0.45, backtest: 0.35, risk: 0.2 } as const;
/** Calm prices are no reason to buy, but a very volatile asset leans towards getting out. */
const RISK_VOTE: Record<RiskLevel, number> = { low: 0, medium: 0, high: -0.5 };
/** A backtest winner that failed out of sample still votes, but this much less strongly. */
const UNPROVEN_CREDIBILITY = 0.35;

export interface DecisionInput {
  close: readonly number[];
  high: readonly number[] | null;
  low: readonly number[] | null;
  technical?: TechnicalResult;
  risk?: RiskResult;
  backtest?: BacktestResult;
}

interface Evidence {
  weight: number;
  vote: number;
  reason: string;
}

/** Long is bullish; flat is bearish for a trend rule (its averages point down) and no view for a dip buyer. */
function stance(report: StrategyReport): number {
  if (report.currentPosition === "long") return 1;
  return report.strategy === "smaCross" ? -1 : 0;
}

function backtestEvidence(backtest: BacktestResult, m: Messages): Evidence | null {
  const report = backtest.strategies.find((s) => s.strategy === backtest.bestStrategy);
  if (!report) return null;
  const wf = report.walkForward;
  const proven = wf !== null && !wf.overfit && wf.outOfSample.sharpe > 0;
  return {
    weight: WEIGHT.backtest,
    vote: stance(report) * (proven ? 1 : UNPROVEN_CREDIBILITY),
    reason: m.decision.backtest(report, proven),
  };
}

/** The annualised volatility of whichever analyst measured one, for the risk level. */
function volatilityOf(input: DecisionInput): number {
  return (
    input.risk?.annualisedVolatility ??
    input.backtest?.buyAndHold.annualisedVolatility ??
    input.technical?.volatility.historicalVolatility20 ??
    0
  );
}

function confidenceOf(action: Decision, score: number, analysts: number, riskLevel: RiskLevel): number {
  const strength = Math.abs(score);
  const base =
    action === "HOLD"
      ? 0.3 + 0.5 * (1 - strength / ACTION_THRESHOLD)
      : 0.5 + 0.5 * Math.min(1, (strength - ACTION_THRESHOLD) / (1 - 2 * ACTION_THRESHOLD));
  // Fewer analysts, less corroboration; high risk makes any call less certain.
  const coverage = 0.7 + 0.1 * analysts;
  const risk = riskLevel === "high" ? 0.85 : 1;
  return Math.round(Math.min(1, Math.max(0, base * coverage * risk)) * 100) / 100;
}

/** BUY / HOLD / SELL from a weighted vote of the analysts that ran. */
export function decide(input: DecisionInput, m: Messages): DecisionResult {
  const riskLevel = riskLevelOf(volatilityOf(input));
  const evidence: Evidence[] = [];
  if (input.technical) {
    const t = input.technical;
    evidence.push({ weight: WEIGHT.technical, vote: t.score, reason: m.decision.technical(t.signal, t.score) });
  }
  const fromBacktest = input.backtest ? backtestEvidence(input.backtest, m) : null;
  if (fromBacktest) evidence.push(fromBacktest);
  if (input.risk) {
    evidence.push({ weight: WEIGHT.risk, vote: RISK_VOTE[riskLevel], reason: m.decision.risk(riskLevel, input.risk) });
  }
  const totalWeight = evidence.reduce((s, e) => s + e.weight, 0);
  const score = totalWeight ? evidence.reduce((s, e) => s + e.weight * e.vote, 0) / totalWeight : 0;
  const action: Decision = score >= ACTION_THRESHOLD ? "BUY" : score <= -ACTION_THRESHOLD ? "SELL" : "HOLD";
  const technicalDetail = input.technical ? [input.technical.trend.reason, input.technical.momentum.reason] : [];
  const analysts = [input.technical, input.risk, input.backtest].filter(Boolean).length;
  return {
    action,
    confidence: confidenceOf(action, score, analysts, riskLevel),
    score,
    riskLevel,
    stopLoss: stopLoss(input.close, input.high, input.low, action === "SELL" ? "above" : "below"),
    reasons: [...evidence.sort((a, b) => b.weight * Math.abs(b.vote) - a.weight * Math.abs(a.vote)).map((e) => e.reason), ...technicalDetail],
  };
}
