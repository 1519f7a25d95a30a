import type { DatabaseConfig } from "../../db/config";
import { BarChunker, BufferPool, type PackedChunk } from "../bars";
import type { BarRow } from "../parse";
import { openPostgresChunkStore } from "./postgres";
import { openSqliteChunkStore } from "./sqlite";

/**
 * Writes one import's bars, packed into chunks per symbol, through connections of the import job's
 * own. `write` may return before the bars are stored (it waits only while the database is behind);
 * `finish` waits until all of them are.
 */
export interface BarWriter {
  write(rows: BarRow[]): Promise<void>;
  /** Resolves once every bar written so far is stored and visible to other connections. */
  finish(): Promise<void>;
  /** Abandons bars not yet stored and removes every stored bar of the dataset (what a crashed or failed attempt left behind). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where chunks go: each database's own way of storing them off the job's thread of work. A chunk's
 * buffer goes back to the pool once it is stored.
 */
export interface ChunkStore {
  write(datasetId: string, chunks: PackedChunk[]): Promise<void>;
  finish(): Promise<void>;
  clear(datasetId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBarWriter(config: DatabaseConfig, datasetId: string): Promise<BarWriter> {
  const pool = new BufferPool();
  const store = config.dialect === "postgres" ? await openPostgresChunkStore(config.url, pool) : openSqliteChunkStore(config.file, pool);
  const newChunker = () => new BarChunker(undefined, undefined, pool);
  let chunker = newChunker();
  const save = (chunks: PackedChunk[]) => (chunks.length > 0 ? store.write(datasetId, chunks) : Promise.resolve());
  return {
    write: (rows) => save(chunker.add(rows)),
    async finish() {
      await save(chunker.flush());
      await store.finish();
    },
    async clear() {
      chunker = newChunker();
      await store.clear(datasetId);
    },
    close: () => store.close(),
  };
}
