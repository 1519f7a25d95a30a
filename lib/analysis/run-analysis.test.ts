import { describe, expect, it, vi } from "vitest";
import { InsufficientDataError, InvalidSeriesError } from "./errors";
import { fingerprintSeries } from "./fingerprint";
import { runAnalysis } from "./run-analysis";
import { head, monthlyStock, sp500Daily } from "./testing/sample-series";
import { randomWalk } from "./testing/synthetic-series";
import type { AnalysisInput, AnalysisOptions, AnalysisResult, PriceSeries } from "./types";

const spx = sp500Daily();
const msft = monthlyStock("MSFT");
const walk = randomWalk("AAPL", "a".repeat(32), 1500, () => 0.0004);
const ALL: AnalysisOptions = { depth: 1, analysts: ["technical", "risk", "backtest"], language: "en" };
const input = (series: PriceSeries, options: Partial<AnalysisOptions> = {}, benchmark?: PriceSeries): AnalysisInput => ({
  series,
  benchmark,
  options: { ...ALL, ...options },
});

describe("runAnalysis", () => {
  it("gives identical, JSON-safe results for identical input", () => {
    const first = runAnalysis(input(spx));
    const second = runAnalysis(input(spx));
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(first.fingerprint).toBe(fingerprintSeries(spx));
    expect(first.range).toEqual({ from: spx.dates[0], to: spx.dates[spx.dates.length - 1], bars: spx.close.length });
    expect(["BUY", "HOLD", "SELL"]).toContain(first.decision.action);
    expect(first.decision.confidence).toBeGreaterThanOrEqual(0);
    expect(first.decision.confidence).toBeLessThanOrEqual(1);
    expect(first.decision.stopLoss).toMatchObject({ basis: "atr" });
  });

  it("keeps runs apart when they interleave or run side by side", async () => {
    const inputs = [input(spx), input(msft), input(walk)];
    // References from a fresh copy of the engine's modules each, so no state can carry between them.
    const solo: AnalysisResult[] = [];
    for (const i of inputs) {
      vi.resetModules();
      solo.push((await import("./run-analysis")).runAnalysis(i));
    }
    // The same module instance from here on: B runs start to finish inside A's risk stage, C inside A's walk-forward.
    const nested: AnalysisResult[] = [];
    const interleaved = runAnalysis(inputs[0]!, {
      progress(_percent, label) {
        if (nested.length === 0 && label.startsWith("Risk analyst")) nested.push(runAnalysis(inputs[1]!));
        if (nested.length === 1 && label === "Backtest: SMA crossover walk-forward 2/4") nested.push(runAnalysis(inputs[2]!));
      },
    });
    expect(nested).toHaveLength(2);
    expect([interleaved, ...nested]).toEqual(solo);

    const together = await Promise.all([...inputs].reverse().map(async (i) => runAnalysis(i)));
    together.reverse().forEach((result, k) => {
      expect(result.symbol).toBe(inputs[k]!.series.symbol);
      expect(result.fingerprint).toBe(fingerprintSeries(inputs[k]!.series));
    });
    expect(new Set(together.map((r) => r.fingerprint)).size).toBe(3);
    expect(together).toEqual(solo);
  });

  it("analyses close-only monthly data, skipping ATR and saying so", () => {
    const result = runAnalysis(input(msft));
    expect(result.interval).toBe("monthly");
    expect(result.periodsPerYear).toBe(12);
    expect(result.technical?.volatility).toMatchObject({ atrSkipped: true, atr14: null });
    expect(result.technical?.volatility.checks.find((c) => c.name === "ATR 14")).toMatchObject({ available: false });
    expect(result.decision.stopLoss.basis).toBe("volatility");
    expect(result.notes.join(" ")).toMatch(/ATR 14 was skipped/);
    expect(result.report).toMatch(/ATR 14 was skipped/);
    expect(result.chart).toMatchObject({ open: null, high: null, low: null });
    expect(result.risk?.monteCarlo.horizons.map((h) => h.bars)).toEqual([1]);
    expect(result.backtest?.strategies.length).toBeGreaterThan(0);
  });

  it("stays finite and JSON-safe on flat prices, where ratios have nothing to divide by", () => {
    const close = new Array<number>(100).fill(100);
    const flat: PriceSeries = { ...head(spx, 100), symbol: "FLAT", open: close, high: close, low: close, close };
    const result = runAnalysis(input(flat));
    const numbers: number[] = [];
    JSON.stringify(result, (_key, value: unknown) => (typeof value === "number" && numbers.push(value), value));
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(result.report).not.toMatch(/NaN|Infinity|undefined/);
    expect(result.technical?.trend.checks.map((c) => c.signal)).toEqual(["neutral", "neutral", "neutral", "neutral"]);
    expect(result.risk).toMatchObject({ annualisedVolatility: 0, maxDrawdown: null });
  });

  it("refuses too little data for the analysts asked for, and malformed series", () => {
    expect(() => runAnalysis(input(head(spx, 29)))).toThrow(InsufficientDataError);
    expect(() => runAnalysis(input(head(spx, 29)))).toThrow("Insufficient data: SPX has 29 bars; the technical analyst needs at least 30.");
    expect(() => runAnalysis(input(head(spx, 45)))).toThrow(/backtest analyst needs at least 60/);
    expect(runAnalysis(input(head(spx, 45), { analysts: ["technical", "risk"] })).range.bars).toBe(45);
    const unordered = { ...spx, dates: [...spx.dates].reverse() };
    expect(() => runAnalysis(input(unordered))).toThrow(InvalidSeriesError);
    const negative = { ...spx, close: spx.close.map((c, i) => (i === 10 ? -1 : c)) };
    expect(() => runAnalysis(input(negative))).toThrow("Invalid series: SPX close -1 at row 11 is not a positive number.");
  });

  it("writes the report in the chosen language", () => {
    const en = runAnalysis(input(spx));
    const zh = runAnalysis(input(spx, { language: "zh" }));
    expect(zh.decision.action).toBe(en.decision.action);
    for (const heading of ["## Decision", "### Key reasons", "## Technical analysis", "## Risk analysis", "## Backtest"]) {
      expect(en.report).toContain(heading);
    }
    expect(en.report).toContain(`**${en.decision.action}**`);
    for (const heading of ["## 决策", "### 主要理由", "## 技术分析", "## 风险分析", "## 回测"]) expect(zh.report).toContain(heading);
    const zhAction = { BUY: "买入", HOLD: "持有", SELL: "卖出" }[zh.decision.action];
    expect(zh.report).toContain(`**${zhAction} (${zh.decision.action})**`);
    expect(zh.report).not.toMatch(/## Decision|Technical analysis|Key reasons/);
    expect(zh.decision.reasons.join("")).toMatch(/[\u4e00-\u9fff]/);
    expect(en.decision.reasons.join("")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("runs only the analysts asked for and decides on what ran", () => {
    const risk = runAnalysis(input(spx, { analysts: ["risk"] }));
    expect(risk.technical).toBeUndefined();
    expect(risk.backtest).toBeUndefined();
    expect(risk.risk).toBeDefined();
    expect(risk.chart.equity).toBeNull();
    expect(risk.report).not.toContain("## Technical analysis");
    expect(risk.report).not.toContain("## Backtest");
    expect(risk.decision.reasons).toHaveLength(1);
    expect(risk.decision.reasons[0]).toMatch(/^Risk is medium/);

    const technical = runAnalysis(input(spx, { analysts: ["technical"] }));
    expect(technical.risk).toBeUndefined();
    expect(technical.decision.reasons[0]).toMatch(/^Technical picture is/);
  });

  it("relates to a benchmark when one is given, and notes a missing one", () => {
    const withBenchmark = runAnalysis(input(walk, { analysts: ["risk"], benchmarkSymbol: "SPX" }, spx));
    expect(withBenchmark.risk?.benchmark?.symbol).toBe("SPX");
    // The synthetic walk uses calendar days, so it lines up with the S&P only on trading days.
    expect(withBenchmark.risk?.benchmark?.alignedReturns).toBeLessThan(walk.close.length - 1);
    expect(Math.abs(withBenchmark.risk!.benchmark!.correlation!)).toBeLessThan(0.2);

    const missing = runAnalysis(input(walk, { analysts: ["risk"], benchmarkSymbol: "QQQ" }));
    expect(missing.risk?.benchmark).toBeNull();
    expect(missing.notes).toContain("Benchmark QQQ had no data: beta and correlation are missing.");
  });

  it("reports progress from 0 to 100 with a label per stage", () => {
    const events: [number, string][] = [];
    runAnalysis(input(spx), { progress: (percent, label) => events.push([percent, label]) });
    const percents = events.map(([p]) => p);
    expect(percents.every((p, i) => i === 0 || p >= percents[i - 1]!)).toBe(true);
    expect(percents[0]).toBe(0);
    expect(events[events.length - 1]).toEqual([100, "Done"]);
    const labels = new Set(events.map(([, l]) => l));
    for (const label of [
      "Technical analyst",
      "Risk analyst: Monte-Carlo",
      "Backtest: SMA crossover in-sample",
      "Backtest: SMA crossover walk-forward 4/4",
      "Backtest: RSI mean-reversion walk-forward 1/4",
      "Decision",
    ]) {
      expect(labels).toContain(label);
    }
  });

  it("returns chart data aligned with the bars and compact enough for the page", () => {
    const result = runAnalysis(input(spx));
    const { chart } = result;
    const bars = spx.close.length;
    expect(chart.time).toHaveLength(bars);
    expect(chart.time[0]).toBe(spx.dates[0]! / 1000);
    for (const values of [chart.open, chart.high, chart.low, chart.close, ...Object.values(chart.overlays), chart.equity!.best, chart.equity!.buyAndHold]) {
      expect(values).toHaveLength(bars);
    }
    // Lines keep 4 significant digits.
    const near = (value: number | null, exact: number) => expect(Math.abs(value! / exact - 1)).toBeLessThan(5e-4);
    expect(chart.overlays.sma200[198]).toBeNull();
    near(chart.overlays.sma200[199]!, spx.close.slice(0, 200).reduce((s, c) => s + c, 0) / 200);
    near(chart.overlays.sma20[bars - 1]!, result.technical!.trend.sma20!);
    near(chart.overlays.bollingerUpper[bars - 1]!, result.technical!.volatility.bollinger!.upper);
    expect(chart.equity!.strategy).toEqual(result.backtest!.strategies.find((s) => s.strategy === result.backtest!.bestStrategy)!.best);
    expect(chart.trades.length).toBeGreaterThan(0);
    expect(chart.trades.every((t) => chart.time.includes(t.time))).toBe(true);
    expect(JSON.stringify(chart).length).toBeLessThan(400_000);
  });
});
