import Papa from "papaparse";

export type LineBreak = "\r\n" | "\n" | "\r";

export interface CsvRecordOptions {
  delimiter: string;
  /** Where records end; a break inside a quoted field is part of the field. */
  lineBreak: LineBreak;
  /** A record still open after this many characters fails the file: it bounds memory. */
  maxRecordChars: number;
}

/** The text cannot be split into records; the caller knows the line it happened on. */
export class CsvRecordError extends Error {
  constructor(readonly code: "record-too-long" | "quote-not-closed") {
    super(code === "record-too-long" ? "a record is too long" : "a quoted field is never closed");
  }
}

/**
 * The records of delimited text, a batch per chunk of text, as the chunks arrive: Papa Parse's
 * parser on each chunk, the record cut off at its end carried over to the next. A quote opens a
 * quoted field only at the start of a field; elsewhere it is text.
 */
export async function* csvRecords(text: AsyncIterable<string>, options: CsvRecordOptions): AsyncGenerator<string[][], void, undefined> {
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.lineBreak, quoteChar: '"' });
  let open = "";
  for await (const chunk of text) {
    const input = open + chunk;
    const { data, meta }: Papa.ParseResult<string[]> = parser.parse(input, 0, true);
    open = input.slice(meta.cursor);
    if (open.length > options.maxRecordChars) throw new CsvRecordError("record-too-long");
    if (data.length) yield data;
  }
  if (!open) return;
  const { data, errors }: Papa.ParseResult<string[]> = parser.parse(open, 0, false);
  if (errors.some((e) => e.code === "MissingQuotes")) throw new CsvRecordError("quote-not-closed");
  yield data;
}
