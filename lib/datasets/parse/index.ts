export type { BarReader, BarRow, ImportReport, ReadBarsOptions, RowProblem } from "./types";
export { DatasetFormatError } from "./dataset-format-error";
export { readBars } from "./read-bars";
export { fileChunks } from "./file-chunks";
