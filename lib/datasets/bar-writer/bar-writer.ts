import type { BarRow } from "../parse";

/**
 * Writes an import's bars through a connection of the import job's own, in batches, one
 * transaction each. Dialect-specific: SQLite and PostgreSQL each have their fastest bulk path.
 */
export interface BarWriter {
  write(datasetId: string, rows: BarRow[]): Promise<void>;
  /** Removes every bar of a dataset (what a crashed or failed attempt left behind). */
  clear(datasetId: string): Promise<void>;
  close(): Promise<void>;
}
