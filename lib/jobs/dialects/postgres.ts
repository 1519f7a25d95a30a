import pg from "pg";
import { decodeSignal, encodeSignal } from "../notifier";
import type { JobDialect } from "./dialect";

const CHANNEL = "tandem_jobs";
const RECONNECT_MS = 1_000;

/*
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets many workers on many machines claim concurrently
 * without waiting on each other; LISTEN/NOTIFY wakes them when work arrives.
 */
export function postgresDialect(connectionString: string): JobDialect {
  return {
    name: "postgres",

    async claim(db, { workerId, now, leaseUntil, kinds, limit }) {
      if (kinds.length === 0 || limit <= 0) return [];
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `WITH picked AS (
           SELECT id FROM jobs
            WHERE status = 'queued' AND run_at <= $2 AND kind = ANY($4::text[])
            ORDER BY priority DESC, run_at, id
            LIMIT $5
            FOR UPDATE SKIP LOCKED)
         UPDATE jobs AS j
            SET status = 'running', worker_id = $1, attempts = j.attempts + 1, progress = 0,
                progress_label = NULL, started_at = $2, heartbeat_at = $2, lease_expires_at = $3, updated_at = $2
           FROM picked
          WHERE j.id = picked.id
      RETURNING j.id`,
        workerId, now, leaseUntil, kinds, limit,
      );
      return rows.map((r) => r.id);
    },

    async publish(db, signal) {
      await db.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', $1)`, encodeSignal(signal));
    },

    async subscribe(onSignal, onError) {
      let client: pg.Client | null = null;
      let closed = false;
      let retry: NodeJS.Timeout | undefined;

      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString });
        c.on("notification", (msg) => {
          const signal = msg.payload ? decodeSignal(msg.payload) : null;
          if (signal) onSignal(signal);
        });
        c.on("error", (err) => {
          onError(err);
          reconnect();
        });
        try {
          await c.connect();
          await c.query(`LISTEN ${CHANNEL}`);
          if (closed) return void (await c.end().catch(() => {}));
          client = c;
          // Work may have been queued while we were not listening.
          onSignal({ type: "queued" });
        } catch (err) {
          onError(err as Error);
          c.end().catch(() => {});
          reconnect();
        }
      };
      const reconnect = (): void => {
        const old = client;
        client = null;
        old?.end().catch(() => {});
        if (!closed && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), RECONNECT_MS);
      };

      await connect();
      return async () => {
        closed = true;
        clearTimeout(retry);
        await client?.end().catch(() => {});
      };
    },

    containsInsensitive(text) {
      return { contains: text, mode: "insensitive" };
    },

    sql: {
      param: (n, cast) => (cast ? `$${n}::${cast}` : `$${n}`),
      date: (d) => d,
      json: (value) => JSON.stringify(value),
      maxParams: 65_535,
    },
  };
}
