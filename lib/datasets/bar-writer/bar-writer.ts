import type { BarRow } from "../parse";

/**
 * Writes an import's bars through a connection of the import job's own. Dialect-specific: SQLite
 * and PostgreSQL each have their fastest bulk path. `write` may return before the bars are stored
 * (it waits only while the database is behind); `finish` waits until all of them are.
 */
export interface BarWriter {
  write(datasetId: string, rows: BarRow[]): Promise<void>;
  /** Resolves once every bar written so far is stored and visible to other connections. */
  finish(): Promise<void>;
  /** Abandons bars not yet stored and removes every bar of a dataset (what a crashed or failed attempt left behind). */
  clear(datasetId: string): Promise<void>;
  close(): Promise<void>;
}
