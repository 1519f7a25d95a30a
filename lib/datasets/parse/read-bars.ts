import { Readable, pipeline } from "node:stream";
import { CsvError, parse, type Parser } from "csv-parse";
import { byteChunks } from "./byte-chunks";
import { DatasetFormatError } from "./dataset-format-error";
import { detectDelimiter } from "./detect-delimiter";
import { mapColumns } from "./map-columns";
import { normaliseSymbol } from "./normalise-symbol";
import { sniffHead } from "./sniff-head";
import { textChunks } from "./text-chunks";
import type { BarReader, BarRow, ImportReport, ReadBarsOptions } from "./types";
import { RowValidator } from "./validate-rows";

const DEFAULT_BATCH_SIZE = 5000;
/** Longer rows mean a wrong delimiter, an unclosed quote or no text at all; refusing them bounds memory. */
const MAX_ROW_CHARS = 64 * 1024;

/**
 * Reads a market-data file (CSV, TSV or TXT; UTF-8 or GB18030) as batches of validated bars, in
 * constant memory whatever its size. Rows that are not valid bars are skipped and reported. Throws,
 * from the iterator, a DatasetFormatError when the file cannot be imported (after the last batch
 * when too many of its rows are invalid), or the signal's reason when it aborts.
 */
export function readBars(source: NodeJS.ReadableStream | Readable, options: ReadBarsOptions = {}): BarReader {
  const report: ImportReport = {
    format: "unknown",
    encoding: "utf-8",
    delimiter: ",",
    columns: [],
    rowsRead: 0,
    imported: 0,
    rejected: 0,
    problems: [],
    hasOhlc: false,
    symbols: [],
  };
  return { report, [Symbol.asyncIterator]: () => batches(source, options, report) };
}

async function* batches(source: NodeJS.ReadableStream | Readable, options: ReadBarsOptions, report: ImportReport): AsyncGenerator<BarRow[], void, undefined> {
  const { signal } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)) || DEFAULT_BATCH_SIZE;
  const chunks = byteChunks(source, options);
  let parser: Parser | undefined;
  try {
    signal?.throwIfAborted();
    const head = await sniffHead(chunks);
    report.encoding = head.encoding;
    report.delimiter = detectDelimiter(head.text);
    parser = parse({
      delimiter: report.delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_ROW_CHARS,
    });
    // Errors reach the parser, and so the loop below; the callback has nothing left to do.
    pipeline(Readable.from(textChunks(head, chunks), { objectMode: false }), parser, () => {});
    const lineBreak = lineBreakOf(head.text);

    let validator: RowValidator | null = null;
    const batch: BarRow[] = [];
    let lastLine = 0;
    for await (const fields of parser as AsyncIterable<string[]>) {
      signal?.throwIfAborted();
      const line = lastLine + 1;
      lastLine += linesIn(fields, lineBreak);
      if (isBlank(fields)) continue;
      if (!validator) {
        validator = validatorFor(fields, options, report);
        continue;
      }
      validator.add(fields, line, batch);
      while (batch.length >= batchSize) {
        signal?.throwIfAborted();
        yield batch.splice(0, batchSize);
      }
    }
    if (!validator) throw new DatasetFormatError("The file is empty.");
    validator.flush(batch);
    while (batch.length) {
      signal?.throwIfAborted();
      yield batch.splice(0, batchSize);
    }
    validator.finish();
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (err instanceof DatasetFormatError) throw err.report ? err : new DatasetFormatError(err.message, report);
    if (err instanceof CsvError) throw new DatasetFormatError(csvErrorMessage(err), report);
    throw err;
  } finally {
    parser?.destroy();
    void chunks.return();
    if ("destroy" in source && typeof source.destroy === "function") source.destroy();
  }
}

/** Reads the header into the report; throws when it lacks the columns needed, or a symbol is needed and not given. */
function validatorFor(header: string[], options: ReadBarsOptions, report: ImportReport): RowValidator {
  report.columns = header.map((name) => name.trim());
  const columns = mapColumns(report.columns);
  report.format = columns.format;
  report.hasOhlc = columns.hasOhlc;
  if (columns.symbol !== null) return new RowValidator(columns, null, report);
  const symbol = normaliseSymbol(options.symbol ?? "");
  if (!symbol) throw new DatasetFormatError("The file has no symbol column (symbol, code, ts_code, ticker, 代码): enter the symbol its prices belong to.");
  return new RowValidator(columns, symbol, report);
}

/**
 * The parser splits records where the file's first line break says (\r\n, \n or \r), so a record
 * takes one line plus the breaks inside its quoted fields.
 */
function linesIn(fields: string[], lineBreak: "\n" | "\r"): number {
  let lines = 1;
  for (const field of fields) {
    for (let at = field.indexOf(lineBreak); at !== -1; at = field.indexOf(lineBreak, at + 1)) lines++;
  }
  return lines;
}

function lineBreakOf(text: string): "\n" | "\r" {
  return /\r\n|\n|\r/.exec(text)?.[0] === "\r" ? "\r" : "\n";
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "");
}

function csvErrorMessage(err: CsvError): string {
  const line = (err as CsvError & { lines?: number }).lines;
  const where = line ? `Line ${line}` : "The file";
  if (err.code === "CSV_QUOTE_NOT_CLOSED") return `${where}: the file ends inside a quoted field (a " is never closed).`;
  if (err.code === "CSV_MAX_RECORD_SIZE") return `${where}: a row is longer than ${MAX_ROW_CHARS} characters; this does not look like a file of prices.`;
  return `${where}: the file cannot be read as CSV (${err.message}).`;
}
