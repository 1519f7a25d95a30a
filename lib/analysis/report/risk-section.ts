import { decimal, isoDate, orDash, percent } from "../messages/format";
import type { Messages } from "../messages/messages";
import type { RiskResult, TailRisk } from "../types";
import { table } from "./markdown";

export function riskSection(risk: RiskResult, m: Messages): string {
  const r = m.report;
  const dd = risk.maxDrawdown;
  const summary: string[][] = [[r.labels.annualisedVolatility, percent(risk.annualisedVolatility)]];
  if (dd) {
    const recovery = dd.recovery && isoDate(dd.recovery.date);
    summary.push(
      [r.labels.maxDrawdown, percent(dd.depth)],
      [r.labels.drawdownDates, r.labels.drawdownPeriod(isoDate(dd.peak.date), isoDate(dd.trough.date), recovery)],
      [r.labels.drawdownLength, r.labels.drawdownDuration(dd.bars.decline, dd.days.decline, dd.bars.recovery, dd.days.recovery)],
    );
  }
  if (risk.benchmark) {
    const b = risk.benchmark;
    const aligned = ` (${r.labels.aligned(b.alignedReturns)})`;
    summary.push([r.labels.beta(b.symbol), orDash(b.beta, (x) => decimal(x)) + aligned]);
    summary.push([r.labels.correlation(b.symbol), orDash(b.correlation, (x) => decimal(x)) + aligned]);
  }
  const row = (label: string, t: TailRisk) => [label, percent(t.var95, 2), percent(t.cvar95, 2), percent(t.var99, 2), percent(t.cvar99, 2)];
  const tails = table(
    [r.columns.horizon, "VaR 95%", "CVaR 95%", "VaR 99%", "CVaR 99%"],
    [row(r.labels.historical, risk.historical), ...risk.monteCarlo.horizons.map((h) => row(r.labels.monteCarlo(risk.monteCarlo.paths, h.bars), h))],
  );
  return [`## ${r.headings.risk}`, table([r.columns.item, r.columns.value], summary), tails].join("\n\n");
}
