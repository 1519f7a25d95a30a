import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import type { BarRow } from "../parse";
import type { BarWriter } from "./bar-writer";

const COPY_BARS = "COPY price_bars (dataset_id, symbol, date, open, high, low, close, volume) FROM STDIN";
/** Each COPY commits this many bars, so a long import shows its progress in the table as it goes. */
const ROWS_PER_COPY = 50_000;
/**
 * Text queued for the server before `write` waits. A batch is ~350 KB: with only the default 16 KB
 * the reader would wait for the server to take each batch whole and the server for the next one.
 */
const BUFFER_BYTES = 8 * 1024 * 1024;

interface Copy {
  stream: CopyStreamQuery;
  done: Promise<void>;
  rows: number;
}

/**
 * COPY, fed batch by batch: the server stores bars while the reader parses the next ones, and
 * `write` waits only when the socket is full. The next COPY is queued on the connection while the
 * last one completes.
 */
export async function openPostgresBarWriter(connectionString: string): Promise<BarWriter> {
  const client = new pg.Client({ connectionString });
  // A broken connection also fails the COPY or the next query, and with it the attempt.
  client.on("error", () => {});
  await client.connect();
  let copy: Copy | null = null;
  const ended: Promise<void>[] = [];
  let failure: unknown = null;

  function openCopy(): Copy {
    const stream = client.query(copyFrom(COPY_BARS, { highWaterMark: BUFFER_BYTES }));
    const done = finished(stream);
    done.catch((err: unknown) => (failure ??= err));
    return { stream, done, rows: 0 };
  }

  return {
    async write(datasetId, rows) {
      if (failure) throw failure;
      const current = (copy ??= openCopy());
      const accepted = current.stream.write(copyText(datasetId, rows));
      current.rows += rows.length;
      if (current.rows >= ROWS_PER_COPY) {
        current.stream.end();
        ended.push(current.done);
        copy = null;
      } else if (!accepted) {
        await Promise.race([once(current.stream, "drain"), current.done]);
      }
    },
    async finish() {
      if (copy) {
        copy.stream.end();
        ended.push(copy.done);
        copy = null;
      }
      await Promise.all(ended.splice(0));
    },
    async clear(datasetId) {
      if (copy) {
        // Sends CopyFail: the server rolls this COPY back and the connection takes queries again.
        copy.stream.destroy(new Error("The import stopped."));
        ended.push(copy.done);
        copy = null;
      }
      await Promise.allSettled(ended.splice(0));
      failure = null;
      await client.query("DELETE FROM price_bars WHERE dataset_id = $1", [datasetId]);
    },
    async close() {
      await client.end();
    },
  };
}

/** Rows in COPY's text format; dates as ISO without zone (the column holds UTC, as Prisma writes it). */
function copyText(datasetId: string, rows: BarRow[]): string {
  const prefix = `${escape(datasetId)}\t`;
  let text = "";
  for (const r of rows) {
    text += `${prefix}${escape(r.symbol)}\t${r.date.toISOString().slice(0, 23)}\t${number(r.open)}\t${number(r.high)}\t${number(r.low)}\t${r.close}\t${number(r.volume)}\n`;
  }
  return text;
}

function number(value: number | null): string {
  return value === null ? "\\N" : String(value);
}

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function escape(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c]!);
}
