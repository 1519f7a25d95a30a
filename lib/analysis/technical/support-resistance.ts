import { swingPoints, type SwingPoint } from "../indicators";
import type { LevelKind, Messages } from "../messages/messages";
import type { Check, Interval, PriceLevel, SupportResistanceFamily } from "../types";
import { verdict } from "./verdict";

const LOOKBACK: Record<Interval, number> = { daily: 5, weekly: 3, monthly: 2, irregular: 3 };
/** Swing points closer than this (relative) form one level. */
const CLUSTER_TOLERANCE = 0.015;
/** One side counts as "near" when the other is this many times farther away. */
const NEAR_RATIO = 1.5;
const LEVELS_KEPT = 3;

function clusterLevels(points: SwingPoint[], dates: readonly number[]): PriceLevel[] {
  const sorted = [...points].sort((a, b) => a.price - b.price);
  const levels: PriceLevel[] = [];
  let group: SwingPoint[] = [];
  const flush = () => {
    if (!group.length) return;
    const price = group.reduce((s, p) => s + p.price, 0) / group.length;
    const lastIndex = Math.max(...group.map((p) => p.index));
    levels.push({ price, touches: group.length, lastDate: dates[lastIndex]! });
    group = [];
  };
  for (const point of sorted) {
    if (group.length && point.price > group[0]!.price * (1 + CLUSTER_TOLERANCE)) flush();
    group.push(point);
  }
  flush();
  return levels;
}

function levelCheck(close: number, supports: PriceLevel[], resistances: PriceLevel[], swings: number, m: Messages): Check {
  const name = "Swing levels";
  const support = supports[0]?.price ?? null;
  const resistance = resistances[0]?.price ?? null;
  const check = (signal: Check["signal"], kind: LevelKind): Check => ({
    name,
    signal,
    reason: m.technical.levels(kind, support, resistance),
    available: true,
  });
  if (swings === 0) return { ...check("neutral", "none"), available: false };
  if (resistance === null) return check("bullish", "breakout");
  if (support === null) return check("bearish", "breakdown");
  const toSupport = (close - support) / close;
  const toResistance = (resistance - close) / close;
  if (toResistance > NEAR_RATIO * toSupport) return check("bullish", "nearSupport");
  if (toSupport > NEAR_RATIO * toResistance) return check("bearish", "nearResistance");
  return check("neutral", "between");
}

/**
 * Support and resistance from the recent swing highs and lows (about a year of bars, at least 60),
 * clustered into levels; near support (far from resistance) is bullish, the reverse bearish.
 */
export function analyseSupportResistance(
  dates: readonly number[],
  close: readonly number[],
  high: readonly number[] | null,
  low: readonly number[] | null,
  interval: Interval,
  periodsPerYear: number,
  m: Messages,
): SupportResistanceFamily {
  const lookback = LOOKBACK[interval];
  const { highs, lows } = swingPoints(high ?? close, low ?? close, lookback);
  const from = close.length - Math.max(Math.round(periodsPerYear), 60);
  const recent = [...highs, ...lows].filter((p) => p.index >= from);
  const last = close[close.length - 1]!;
  const levels = clusterLevels(recent, dates);
  const supports = levels.filter((l) => l.price < last).reverse().slice(0, LEVELS_KEPT);
  const resistances = levels.filter((l) => l.price > last).slice(0, LEVELS_KEPT);
  const check = levelCheck(last, supports, resistances, recent.length, m);
  return { ...verdict("supportResistance", [check], m), supports, resistances, swingLookback: lookback };
}
