import { decimal, orDash, percent, price } from "../messages/format";
import type { Messages } from "../messages/messages";
import type { FamilyVerdict, TechnicalResult } from "../types";
import { table } from "./markdown";

export function technicalSection(t: TechnicalResult, m: Messages): string {
  const r = m.report;
  const families: [keyof Messages["family"], FamilyVerdict][] = [
    ["trend", t.trend],
    ["momentum", t.momentum],
    ["volatility", t.volatility],
    ["supportResistance", t.supportResistance],
  ];
  const verdicts = table(
    [r.columns.family, r.columns.signal, r.columns.reason],
    [
      ...families.map(([name, f]) => [m.family[name], m.signal[f.signal], f.reason]),
      [r.labels.overall, m.signal[t.signal], r.labels.score(decimal(t.score))],
    ],
  );
  const checks = table(
    [r.columns.check, r.columns.signal, r.columns.reason],
    families.flatMap(([, f]) => f.checks.map((c) => [c.name, c.available ? m.signal[c.signal] : "—", c.reason])),
  );
  const p = (x: number | null) => orDash(x, price);
  const v = t.volatility;
  const indicators = table(
    [r.columns.item, r.columns.value],
    [
      ["SMA 20 / 50 / 200", `${p(t.trend.sma20)} / ${p(t.trend.sma50)} / ${p(t.trend.sma200)}`],
      ["EMA 12 / 26", `${p(t.trend.ema12)} / ${p(t.trend.ema26)}`],
      ["RSI 14", orDash(t.momentum.rsi14, (x) => decimal(x, 1))],
      ["MACD 12/26/9", t.momentum.macd ? `${decimal(t.momentum.macd.macd, 3)} / ${decimal(t.momentum.macd.signal, 3)} / ${decimal(t.momentum.macd.histogram, 3)}` : "—"],
      ["Bollinger 20/2", v.bollinger ? `${price(v.bollinger.lower)} – ${price(v.bollinger.upper)} (%B ${decimal(v.bollinger.percentB)})` : "—"],
      ["ATR 14", v.atrSkipped ? m.technical.atrSkipped : `${p(v.atr14)} (${orDash(v.atrPercent, (x) => percent(x, 2))})`],
      ["HV 20", orDash(v.historicalVolatility20, (x) => percent(x))],
    ],
  );
  const sr = t.supportResistance;
  const levels = [...sr.supports.map((l) => [r.columns.support, l] as const), ...sr.resistances.map((l) => [r.columns.resistance, l] as const)];
  const levelTable = levels.length
    ? table([r.columns.item, r.columns.value, r.columns.touches], levels.map(([kind, l]) => [kind, price(l.price), String(l.touches)]))
    : r.labels.noLevels;
  return [
    `## ${r.headings.technical}`,
    verdicts,
    checks,
    `### ${r.headings.indicators}`,
    indicators,
    `### ${r.headings.levels}`,
    levelTable,
  ].join("\n\n");
}
