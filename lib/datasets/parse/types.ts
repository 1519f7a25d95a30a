export interface BarRow {
  symbol: string;
  /** UTC midnight of the bar's day. */
  date: Date;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
}

export interface RowProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export type TextEncoding = "utf-8" | "gb18030";
export type Delimiter = "," | ";" | "\t";

export interface ImportReport {
  /** "yahoo", "akshare", "tushare", "baostock", "close-only" or "generic". */
  format: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** The header as found. */
  columns: string[];
  rowsRead: number;
  imported: number;
  rejected: number;
  /** The first 100 problems, in file order. */
  problems: RowProblem[];
  hasOhlc: boolean;
  symbols: string[];
}

export interface ReadBarsOptions {
  /** The symbol of every row, for files without a symbol column. */
  symbol?: string;
  /** Rows per yielded batch (default 5000). */
  batchSize?: number;
  signal?: AbortSignal;
  /** Bytes consumed from the source so far; called at most once per chunk. */
  onProgress?: (bytesRead: number) => void;
}

export interface BarReader extends AsyncIterable<BarRow[]> {
  /** Filled while reading; complete once iteration ends. */
  readonly report: ImportReport;
}
