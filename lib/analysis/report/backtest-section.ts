import { decimal, isoDate, orDash, percent } from "../messages/format";
import type { Messages } from "../messages/messages";
import type { BacktestResult, Metrics, Period, StrategyReport } from "../types";
import { table } from "./markdown";

function metricCells(x: Metrics): string[] {
  return [
    orDash(x.cagr, (v) => percent(v)),
    decimal(x.sharpe),
    orDash(x.sortino, (v) => decimal(v)),
    percent(x.maxDrawdown),
    orDash(x.winRate, (v) => percent(v, 0)),
    String(x.trades),
  ];
}

function walkForwardPart(s: StrategyReport, m: Messages): string[] {
  const r = m.report;
  const wf = s.walkForward;
  if (!wf) return [];
  const span = (p: Period) => `${isoDate(p.from)} – ${isoDate(p.to)}`;
  const folds = table(
    [r.columns.fold, r.columns.train, r.columns.test, r.columns.parameters, r.columns.trainSharpe, r.columns.testSharpe],
    wf.folds.map((f, i) => [String(i + 1), span(f.train), span(f.test), m.params(f.params), decimal(f.trainSharpe), decimal(f.outOfSample.sharpe)]),
  );
  return [
    `### ${r.headings.walkForward(m.strategy[s.strategy])}`,
    folds,
    [
      r.labels.inSampleVsOutOfSample(decimal(wf.inSampleSharpe), decimal(wf.outOfSample.sharpe), orDash(wf.efficiency, (v) => decimal(v))),
      r.labels.outOfSampleBuyAndHold(decimal(wf.buyAndHold.sharpe)),
      r.labels.overfit(wf.overfit),
    ].join(" "),
  ];
}

export function backtestSection(backtest: BacktestResult, m: Messages): string {
  const r = m.report;
  const header = [
    r.columns.strategy,
    r.columns.parameters,
    r.columns.cagr,
    r.columns.sharpe,
    r.columns.sortino,
    r.columns.maxDrawdown,
    r.columns.winRate,
    r.columns.trades,
  ];
  const rows = [
    [r.labels.buyAndHold, "—", ...metricCells(backtest.buyAndHold)],
    ...backtest.strategies.map((s) => [
      `${m.strategy[s.strategy]}${s.strategy === backtest.bestStrategy ? " ★" : ""}`,
      `${m.params(s.best)} ${r.labels.gridSize(s.gridSize)}`,
      ...metricCells(s.inSample),
    ]),
  ];
  const best = backtest.strategies.find((s) => s.strategy === backtest.bestStrategy);
  return [
    `## ${r.headings.backtest}`,
    r.labels.costs(backtest.costPerSide * 10_000),
    table(header, rows),
    ...(best ? [r.labels.currentPosition(best.currentPosition)] : []),
    ...backtest.strategies.flatMap((s) => walkForwardPart(s, m)),
  ].join("\n\n");
}
