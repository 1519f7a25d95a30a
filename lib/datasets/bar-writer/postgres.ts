import pg from "pg";
import type { BufferPool, PackedChunk } from "../bars";
import type { ChunkStore } from "./bar-writer";

const INSERT_CHUNK = {
  name: "tandem_insert_bar_chunk",
  text: `INSERT INTO bar_chunks (dataset_id, symbol, seq, bar_count, first_date, last_date, bars)
         VALUES ($1, $2, $3, $4, $5::timestamp, $6::timestamp, $7)`,
};
/** Chunks sent and not yet stored before `write` waits: bounds the memory they hold. */
const MAX_IN_FLIGHT = 16;

/**
 * One INSERT per chunk on a connection of the import's own, each committing as it ends, one after
 * another behind `write`'s back: the server stores one chunk while the reader parses the next.
 * The packed bars go as binary parameters.
 */
export async function openPostgresChunkStore(connectionString: string, pool: BufferPool): Promise<ChunkStore> {
  const client = new pg.Client({ connectionString });
  // A broken connection also fails the next query, and with it the attempt.
  client.on("error", () => {});
  await client.connect();
  // Chunks need not reach the disk one by one: the import's publish commits after them and waits
  // for the log up to its own commit, theirs included; a crash before it leaves chunks nobody reads.
  await client.query("SET synchronous_commit = off");
  const inFlight: Promise<unknown>[] = [];
  let last: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;

  const insert = async (datasetId: string, c: PackedChunk) => {
    await client.query({ ...INSERT_CHUNK, values: [datasetId, c.symbol, c.seq, c.count, timestamp(c.firstDate), timestamp(c.lastDate), Buffer.from(c.bars)] });
    // The driver copied the bytes into its own message.
    pool.give(c.bars);
  };

  return {
    async write(datasetId, chunks) {
      if (failure) throw failure;
      for (const chunk of chunks) {
        const stored = (last = last.then(() => (failure ? undefined : insert(datasetId, chunk))));
        stored.catch((err: unknown) => (failure ??= err));
        inFlight.push(stored);
      }
      while (inFlight.length > MAX_IN_FLIGHT) await inFlight.shift();
    },
    async finish() {
      await Promise.all(inFlight.splice(0));
    },
    async clear(datasetId) {
      await Promise.allSettled(inFlight.splice(0));
      last = Promise.resolve();
      failure = null;
      await client.query("DELETE FROM bar_chunks WHERE dataset_id = $1", [datasetId]);
    },
    async close() {
      await client.end();
    },
  };
}

/** ISO without zone: the column holds UTC, as Prisma writes it. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}
