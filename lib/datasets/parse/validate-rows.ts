import { DatasetFormatError } from "./dataset-format-error";
import { DaySet } from "./day-set";
import type { ColumnMap } from "./map-columns";
import { detectDayOrder, MS_PER_DAY } from "./parse-date";
import { rowToBar, SymbolCache, type RowLayout } from "./row-to-bar";
import type { BarRow, ImportReport } from "./types";

const MAX_PROBLEMS = 100;
const PROBLEMS_IN_MESSAGE = 3;

/** Rows read before deciding whether `03/04/2024` is day-first. */
const DATE_SAMPLE_ROWS = 200;

/**
 * Checks the rows of one file in order and keeps the report's counts and first problems: a row
 * that is not a valid bar, or repeats a symbol's date, is rejected. Remembers the days seen per
 * symbol as bitmaps, so a file of a million rows costs kilobytes, not the rows.
 */
export class RowValidator {
  private readonly seen = new Map<string, DaySet>();
  private layout: RowLayout | null = null;
  /** The first rows, until they tell the file's order of day and month. */
  private readonly sample: { fields: string[]; line: number }[] = [];

  constructor(
    private readonly columns: ColumnMap,
    /** The symbol of every row when the file has no symbol column. */
    private readonly symbol: string | null,
    private readonly report: ImportReport,
  ) {}

  /** Checks a row and appends it to `bars` when it is valid; the first rows wait in a sample until `flush` or enough of them. */
  add(fields: string[], line: number, bars: BarRow[]): void {
    if (this.layout) return this.check(this.layout, fields, line, bars);
    this.sample.push({ fields, line });
    if (this.sample.length >= DATE_SAMPLE_ROWS) this.flush(bars);
  }

  /** Checks the rows still waiting in the sample. */
  flush(bars: BarRow[]): void {
    const { columns, symbol, sample } = this;
    const layout = (this.layout ??= { columns, symbol, symbols: new SymbolCache(), dayOrder: detectDayOrder(sample.map(({ fields }) => fields[columns.date] ?? "")) });
    for (const { fields, line } of sample) this.check(layout, fields, line, bars);
    sample.length = 0;
  }

  private check(layout: RowLayout, fields: string[], line: number, bars: BarRow[]): void {
    this.report.rowsRead++;
    const bar = rowToBar(fields, layout);
    if (typeof bar === "string") return this.reject(line, bar);
    let days = this.seen.get(bar.symbol);
    if (!days) {
      days = new DaySet();
      this.seen.set(bar.symbol, days);
    }
    if (!days.add(bar.date.getTime() / MS_PER_DAY)) {
      return this.reject(line, `${bar.symbol} already has a bar on ${bar.date.toISOString().slice(0, 10)} (the first one is kept)`);
    }
    this.report.imported++;
    bars.push(bar);
  }

  /** Completes the report, after `flush`; throws when the file has no rows, no valid row, or mostly invalid ones. */
  finish(): void {
    const { report } = this;
    report.symbols = [...this.seen.keys()].sort();
    const { rowsRead, rejected } = report;
    if (rowsRead === 0) throw new DatasetFormatError("The file has a header but no rows.", report);
    if (report.imported === 0) {
      const intro = rowsRead === 1 ? "The file's only row is not valid" : `None of the ${rowsRead} rows is valid`;
      throw new DatasetFormatError(`${intro}: ${firstProblems(report)}`, report);
    }
    if (rejected * 2 > rowsRead) {
      throw new DatasetFormatError(`The file is mostly invalid: ${rejected} of ${rowsRead} rows rejected (${firstProblems(report)}).`, report);
    }
  }

  private reject(line: number, message: string): void {
    this.report.rejected++;
    if (this.report.problems.length < MAX_PROBLEMS) this.report.problems.push({ line, message });
  }
}

function firstProblems(report: ImportReport): string {
  const shown = report.problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `line ${p.line}: ${p.message}`);
  if (report.rejected > shown.length) shown.push("…");
  return shown.join("; ");
}
