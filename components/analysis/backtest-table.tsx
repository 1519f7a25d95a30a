import type { BacktestResult, Metrics, StrategyParams } from "@/lib/analysis/types";
import { num, pct } from "./figures";

function describe(p: StrategyParams): string {
  if (p.strategy === "smaCross") return `SMA ${p.fast}/${p.slow} crossover`;
  if (p.strategy === "rsiReversion") return `RSI ${p.period} mean reversion (${p.lower}/${p.upper})`;
  return "Buy and hold";
}

export function BacktestTable({ backtest }: { backtest: BacktestResult }) {
  const rows: { name: string; window: string; m: Metrics; flag?: string }[] = [{ name: "Buy and hold", window: "whole series", m: backtest.buyAndHold }];
  for (const s of backtest.strategies) {
    rows.push({ name: describe(s.best), window: `in-sample (grid of ${s.gridSize})`, m: s.inSample });
    if (s.walkForward) {
      rows.push({
        name: describe(s.best),
        window: `walk-forward, ${s.walkForward.folds.length} folds`,
        m: s.walkForward.outOfSample,
        flag: s.walkForward.overfit ? "overfit: out-of-sample far below in-sample" : undefined,
      });
    }
  }
  return (
    <section aria-labelledby="backtest-title" className="space-y-2">
      <h2 id="backtest-title" className="text-lg font-semibold">
        Backtests <span className="text-sm font-normal text-slate-500">(costs {pct(backtest.costPerSide, 2)} per side)</span>
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
            <tr>
              {["Strategy", "Window", "CAGR", "Sharpe", "Sortino", "Max DD", "Win rate", "Trades"].map((h) => (
                <th key={h} className="px-2 py-1 text-left">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1.5">{r.name}</td>
                <td className="px-2 py-1.5 text-slate-600 dark:text-slate-300">
                  {r.window}
                  {r.flag && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">{r.flag}</span>}
                </td>
                <td className="px-2 py-1.5 tabular-nums">{pct(r.m.cagr)}</td>
                <td className="px-2 py-1.5 tabular-nums">{num(r.m.sharpe)}</td>
                <td className="px-2 py-1.5 tabular-nums">{num(r.m.sortino)}</td>
                <td className="px-2 py-1.5 tabular-nums">{pct(-r.m.maxDrawdown)}</td>
                <td className="px-2 py-1.5 tabular-nums">{pct(r.m.winRate, 0)}</td>
                <td className="px-2 py-1.5 tabular-nums">{r.m.trades}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
