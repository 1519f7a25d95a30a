import type { ScheduleOptions } from "@/lib/schedules/schedule-options";

/** What a new schedule can start from: the analysis form's symbols and options. */
export type SchedulePrefill = Partial<ScheduleOptions> & { symbols?: string[] };

/** `/schedules/new?symbols=AAPL,MSFT&depth=3…`: where the analysis form's "Schedule…" link goes. */
export function newScheduleHref(prefill: { symbols?: string[]; from?: string | null; to?: string | null; depth?: number; analysts?: string[]; language?: string; benchmarkSymbol?: string | null }): string {
  const params = new URLSearchParams();
  if (prefill.symbols?.length) params.set("symbols", prefill.symbols.join(","));
  if (prefill.from) params.set("from", prefill.from);
  if (prefill.to) params.set("to", prefill.to);
  if (prefill.depth) params.set("depth", String(prefill.depth));
  if (prefill.analysts?.length) params.set("analysts", prefill.analysts.join(","));
  if (prefill.language) params.set("language", prefill.language);
  if (prefill.benchmarkSymbol) params.set("benchmark", prefill.benchmarkSymbol);
  const query = params.toString();
  return query ? `/schedules/new?${query}` : "/schedules/new";
}

/** The prefill a `newScheduleHref` link carries; anything malformed is left out (the form's defaults apply). */
export function readSchedulePrefill(params: URLSearchParams): SchedulePrefill {
  const list = (name: string) => (params.get(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const date = (name: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? "") ? params.get(name) : null);
  const depth = Number(params.get("depth"));
  const analysts = list("analysts").filter((a): a is ScheduleOptions["analysts"][number] => ["technical", "risk", "backtest"].includes(a));
  const language = params.get("language");
  return {
    symbols: list("symbols"),
    from: date("from"),
    to: date("to"),
    depth: Number.isInteger(depth) && depth >= 1 && depth <= 5 ? depth : undefined,
    analysts: analysts.length ? analysts : undefined,
    language: language === "zh" || language === "en" ? language : undefined,
    benchmarkSymbol: params.get("benchmark") || null,
  };
}
