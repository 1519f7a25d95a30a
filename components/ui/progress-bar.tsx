/** A determinate progress bar with its value for assistive technology. */
export function ProgressBar({ value, label, valueText, tone = "indigo" }: { value: number; label: string; valueText?: string; tone?: "indigo" | "emerald" | "red" | "amber" | "slate" }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  const fill = { indigo: "bg-indigo-500", emerald: "bg-emerald-500", red: "bg-red-500", amber: "bg-amber-500", slate: "bg-slate-400" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div className={`h-full rounded-full ${fill} transition-[width] duration-500 motion-reduce:transition-none`} style={{ width: `${pct}%` }} />
    </div>
  );
}
