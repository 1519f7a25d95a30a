import type { BarRow } from "./parse";

export interface SymbolSummary {
  symbol: string;
  rowCount: number;
  firstDate: Date;
  lastDate: Date;
}

const INTERVAL_SAMPLE = 2_000;

/** Per-symbol counts and date ranges of an import, gathered batch by batch in constant memory per symbol. */
export class SymbolStats {
  private readonly bySymbol = new Map<string, { rowCount: number; first: number; last: number }>();
  /** Dates of the first symbol, enough to tell the bar interval. */
  readonly sampleDates: number[] = [];
  private sampleSymbol: string | null = null;

  add(rows: BarRow[]): void {
    for (const row of rows) {
      const t = row.date.getTime();
      const s = this.bySymbol.get(row.symbol);
      if (s) {
        s.rowCount++;
        if (t < s.first) s.first = t;
        if (t > s.last) s.last = t;
      } else {
        this.bySymbol.set(row.symbol, { rowCount: 1, first: t, last: t });
      }
      this.sampleSymbol ??= row.symbol;
      if (row.symbol === this.sampleSymbol && this.sampleDates.length < INTERVAL_SAMPLE) this.sampleDates.push(t);
    }
  }

  summaries(): SymbolSummary[] {
    return [...this.bySymbol].map(([symbol, s]) => ({ symbol, rowCount: s.rowCount, firstDate: new Date(s.first), lastDate: new Date(s.last) }));
  }
}
