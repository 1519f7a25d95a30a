import type { DecisionResult } from "@/lib/analysis/types";

const ACTION_STYLE = {
  BUY: "bg-emerald-600 text-white",
  HOLD: "bg-slate-500 text-white",
  SELL: "bg-red-600 text-white",
} as const;

export function DecisionCard({ symbol, decision }: { symbol: string; decision: DecisionResult }) {
  return (
    <section aria-label="Decision" className="flex flex-wrap items-start gap-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <div className="space-y-1">
        <p className="text-sm text-slate-500 dark:text-slate-400">{symbol}</p>
        <p data-testid="decision" className={`inline-block rounded-md px-4 py-2 text-2xl font-bold ${ACTION_STYLE[decision.action]}`}>
          {decision.action}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Confidence</dt>
        <dd className="font-medium tabular-nums">{Math.round(decision.confidence * 100)}%</dd>
        <dt className="text-slate-500 dark:text-slate-400">Risk level</dt>
        <dd className="font-medium">{decision.riskLevel}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Stop-loss</dt>
        <dd className="font-medium tabular-nums">
          {decision.stopLoss.price.toFixed(2)} <span className="text-xs text-slate-500">({decision.stopLoss.basis === "atr" ? "2 × ATR" : "volatility"})</span>
        </dd>
      </dl>
      <ul className="min-w-[16rem] flex-1 list-disc space-y-0.5 pl-5 text-sm">
        {decision.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </section>
  );
}
