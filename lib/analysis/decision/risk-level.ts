import type { RiskLevel } from "../types";

/** Annualised volatility bands: under 18 % is low (a calm index), 35 % and more is high. */
const LOW_BELOW = 0.18;
const HIGH_FROM = 0.35;

export function riskLevelOf(annualisedVolatility: number): RiskLevel {
  if (annualisedVolatility < LOW_BELOW) return "low";
  if (annualisedVolatility < HIGH_FROM) return "medium";
  return "high";
}
