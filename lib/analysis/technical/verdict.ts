import type { Messages } from "../messages/messages";
import type { Check, FamilyVerdict, Signal } from "../types";

export type FamilyName = "trend" | "momentum" | "volatility" | "supportResistance";

export const VOTE: Record<Signal, number> = { bullish: 1, neutral: 0, bearish: -1 };

/** Bullish above +threshold, bearish below −threshold. */
export function signalOf(score: number, threshold: number): Signal {
  if (score > threshold) return "bullish";
  if (score < -threshold) return "bearish";
  return "neutral";
}

/** A family's signal is the mean vote of its checks that had data. */
export function verdict(family: FamilyName, checks: Check[], m: Messages): FamilyVerdict {
  const voting = checks.filter((c) => c.available);
  const score = voting.length ? voting.reduce((s, c) => s + VOTE[c.signal], 0) / voting.length : 0;
  const signal = signalOf(score, 0.25);
  const count = (s: Signal) => voting.filter((c) => c.signal === s).length;
  return {
    signal,
    score,
    reason: m.technical.family(family, signal, count("bullish"), count("bearish"), voting.length),
    checks,
  };
}

export function unavailable(name: string, reason: string): Check {
  return { name, signal: "neutral", reason, available: false };
}
