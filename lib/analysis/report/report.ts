import { isoDate, percent, price } from "../messages/format";
import type { Messages } from "../messages/messages";
import type { AnalysisResult } from "../types";
import { backtestSection } from "./backtest-section";
import { table } from "./markdown";
import { riskSection } from "./risk-section";
import { technicalSection } from "./technical-section";

/** The whole result as a Markdown report in the messages' language. */
export function renderReport(result: Omit<AnalysisResult, "report">, m: Messages): string {
  const r = m.report;
  const d = result.decision;
  const decision = table(
    [r.columns.item, r.columns.value],
    [
      [r.labels.action, `**${m.action[d.action]}**`],
      [r.labels.confidence, percent(d.confidence, 0)],
      [r.labels.riskLevel, m.riskLevel[d.riskLevel]],
      [r.labels.stopLoss(d.stopLoss.basis), price(d.stopLoss.price)],
    ],
  );
  const sections = [
    `# ${r.title(result.symbol)}`,
    r.summary(
      m.interval[result.interval],
      isoDate(result.range.from),
      isoDate(result.range.to),
      result.range.bars,
      result.options.depth,
      result.options.analysts.map((a) => m.analyst[a]).join(", "),
    ),
    `## ${r.headings.decision}`,
    decision,
    `### ${r.headings.reasons}`,
    d.reasons.map((reason) => `- ${reason}`).join("\n"),
  ];
  if (result.technical) sections.push(technicalSection(result.technical, m));
  if (result.risk) sections.push(riskSection(result.risk, m));
  if (result.backtest) sections.push(backtestSection(result.backtest, m));
  sections.push(`## ${r.headings.notes}`, [...result.notes, r.disclaimer].map((n) => `- ${n}`).join("\n"));
  return sections.join("\n\n") + "\n";
}
