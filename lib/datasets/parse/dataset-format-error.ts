import type { ImportReport } from "./types";

/** The file cannot be imported as it is; the message says why, in words for the person who uploaded it. */
export class DatasetFormatError extends Error {
  override readonly name = "DatasetFormatError";
  readonly report?: ImportReport;

  constructor(message: string, report?: ImportReport) {
    super(message);
    this.report = report;
  }
}
