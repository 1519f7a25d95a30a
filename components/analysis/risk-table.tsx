import type { RiskResult } from "@/lib/analysis/types";
import { day, num, pct } from "./figures";

export function RiskTable({ risk }: { risk: RiskResult }) {
  const dd = risk.maxDrawdown;
  const rows: [string, string][] = [
    ["Annualised volatility", pct(risk.annualisedVolatility)],
    ["Maximum drawdown", dd ? `${pct(-dd.depth)} (${day(dd.peak.date)} → ${day(dd.trough.date)}${dd.recovery ? `, recovered ${day(dd.recovery.date)}` : ", not recovered"})` : "—"],
    ["Drawdown duration", dd ? `${dd.days.total ?? `${dd.days.decline}+`} days` : "—"],
    ["Historical VaR / CVaR 95%", `${pct(risk.historical.var95, 2)} / ${pct(risk.historical.cvar95, 2)}`],
    ["Historical VaR / CVaR 99%", `${pct(risk.historical.var99, 2)} / ${pct(risk.historical.cvar99, 2)}`],
    ...risk.monteCarlo.horizons.map(
      (h): [string, string] => [`Monte-Carlo VaR / CVaR 95% (${h.bars} bars, ${risk.monteCarlo.paths.toLocaleString()} paths)`, `${pct(h.var95, 2)} / ${pct(h.cvar95, 2)}`],
    ),
  ];
  if (risk.benchmark) {
    rows.push([`Beta vs ${risk.benchmark.symbol}`, num(risk.benchmark.beta)], [`Correlation with ${risk.benchmark.symbol}`, num(risk.benchmark.correlation)]);
  }
  return (
    <section aria-labelledby="risk-title" className="space-y-2">
      <h2 id="risk-title" className="text-lg font-semibold">
        Risk
      </h2>
      <table className="w-full text-sm">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-4 text-left font-normal text-slate-600 dark:text-slate-300">
                {k}
              </th>
              <td className="py-1.5 text-right tabular-nums">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
