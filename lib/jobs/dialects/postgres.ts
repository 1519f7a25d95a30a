import pg from "pg";
import { decodeSignal, encodeSignal } from "../notifier";
import type { JobDialect } from "./dialect";
import { CLAIMED_COLUMNS, claimedJobFromRow, inClaimOrder, type RowDecoder } from "./job-row";
import { parseTimestamp } from "./pg-timestamp";

const CHANNEL = "tandem_jobs";
const RECONNECT_MS = 1_000;
/** The registry's own connections (besides Prisma's pool): claims, completions and enqueues. */
const POOL_SIZE = 4;
const TIMESTAMP_OID = 1114;
const UNIQUE_VIOLATION = "23505";
/*
 * The claim must walk the claim-order index and stop after `limit` rows. Right after a bulk enqueue
 * into a table whose statistics are stale (autovacuum analyzes it only later), the planner expects
 * a handful of queued rows and picks a bitmap scan that reads and sorts the whole queue instead
 * (measured: 27 ms per claim with 9,000 queued, 1 ms with the index). Likewise, a completion's
 * custom plan read the whole table to find its batch (pg_stat_user_tables after 10,000 no-op jobs:
 * 70,000-80,000 rows read by sequential scans, 10,000 with them off). These connections run only
 * the registry's own statements, which all read by index, so bitmap and sequential scans are off
 * for them.
 */
export const PLANNER_OPTIONS = "-c enable_bitmapscan=off -c enable_seqscan=off";

/*
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets many workers on many machines claim concurrently
 * without waiting on each other; LISTEN/NOTIFY wakes them when work arrives. Each hot-path
 * operation is one statement (data-modifying CTEs), so it is one round trip and one transaction,
 * prepared once per connection (planning the claim costs about as much as running it).
 *
 * Timestamps are `timestamp(3)` columns holding UTC (as Prisma writes them): values are sent as ISO
 * strings (PostgreSQL ignores the zone for that type) and read back as UTC.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return parseTimestamp;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const decode: RowDecoder = { date: (v) => v as Date, json: (v) => v as never };
const ts = (d: Date) => d.toISOString();

/*
 * The picked rows reach the update as an array of their physical addresses (ctid), which it reads
 * directly (a TID scan) instead of looking each id up in the primary key again. The rows are locked
 * by this statement, so their addresses cannot change before the update; one updated by another
 * transaction after this statement's snapshot was taken is locked in its new version, which the
 * update does not see: it is left queued, for the next claim. Joined as a table, the picked rows
 * would get the generic plan's guess for the limit (a tenth of the queue), and the planner would
 * hash them against a scan of the whole jobs table.
 */
export const CLAIM = `
  WITH picked AS (
    SELECT ctid FROM jobs
     WHERE status = 'queued' AND run_at <= $2::timestamp AND kind = ANY($4::text[])
     ORDER BY priority DESC, run_at, id
     LIMIT $5
     FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE jobs AS j
       SET status = 'running', worker_id = $1::text, attempts = j.attempts + 1, progress = 0, progress_label = NULL,
           started_at = $2::timestamp, heartbeat_at = $2::timestamp, lease_expires_at = $3::timestamp, updated_at = $2::timestamp
     WHERE j.ctid = ANY(ARRAY(SELECT ctid FROM picked))
    RETURNING ${CLAIMED_COLUMNS.map((c) => `j.${c}`).join(", ")})
  SELECT * FROM claimed`;

/*
 * Statements that find a worker's jobs by id test everything else about the job in one row
 * comparison with IS NOT DISTINCT FROM, which no index serves, so the primary key is the only way
 * in. With a plain `status = 'running'` beside the ids and statistics taken while the jobs were
 * still queued, the planner walks every running job through a status index and tests each against
 * the whole input instead (measured: 1.2 s to record 1,000 completions with 5,600 jobs running);
 * with `worker_id = …` it would walk every job the worker ever ran (9.7 ms for 10 jobs after 1,000).
 */
const held = (job: string, attempt: string | null, worker: string) =>
  attempt === null
    ? `(${job}.status, ${job}.worker_id) IS NOT DISTINCT FROM ('running', ${worker})`
    : `(${job}.status, ${job}.attempts, ${job}.worker_id) IS NOT DISTINCT FROM ('running', ${attempt}, ${worker})`;

/*
 * The completions are joined to their jobs, read by primary key. Were the test that the worker
 * still holds each job written as above, the planner would split it and filter the jobs by status
 * and worker before the join; with statistics from before the jobs ran it expects one row from
 * that, and joins by nested loop: each job against the whole input (measured: 3.7 s for 1,000
 * completions with 24,000 jobs running). As one equality beside the id, the hold test is part of
 * the join's key instead.
 */
export const COMPLETE = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::jsonb[], $5::int[]) AS t(id, result, attempt)),
  done AS (
    UPDATE jobs AS j
       SET status = 'succeeded', result = COALESCE(input.result, j.result), progress = 100, finished_at = $4::timestamp,
           updated_at = $4::timestamp, lease_expires_at = NULL, error_message = NULL, error_stack = NULL
      FROM input
     WHERE j.id = ANY($1::text[]) AND j.id = input.id
       AND input.attempt = CASE WHEN j.status = 'running' AND j.worker_id = $3::text THEN j.attempts END
    RETURNING j.id)
  SELECT id FROM done`;

export const FAIL = `
  WITH ended AS (
    UPDATE jobs
       SET status = CASE WHEN $6::timestamp IS NULL THEN 'failed' ELSE 'queued' END,
           run_at = COALESCE($6::timestamp, run_at),
           worker_id = CASE WHEN $6::timestamp IS NULL THEN worker_id END,
           finished_at = CASE WHEN $6::timestamp IS NULL THEN $4::timestamp ELSE finished_at END,
           error_message = $5::text, error_stack = $7::text, updated_at = $4::timestamp, lease_expires_at = NULL
     WHERE id = $1::text AND ${held("jobs", "$3::int", "$2::text")}
    RETURNING id, started_at),
  logged AS (
    INSERT INTO job_events (job_id, type, worker_id, message, created_at, run_started_at)
    SELECT id, $8::text, $2::text, $9::text, $4::timestamp, started_at FROM ended)
  SELECT id FROM ended`;

export const RENEW = `
  UPDATE jobs SET heartbeat_at = $3::timestamp, lease_expires_at = $4::timestamp
   WHERE id = ANY($1::text[]) AND ${held("jobs", null, "$2::text")}
  RETURNING id, cancel_requested`;

const INSERT_JOBS = `
  WITH batch AS (
    INSERT INTO job_batches (id, owner_id, name, created_at)
    SELECT $1::text, $2::text, $3::text, $4::timestamp WHERE $1::text IS NOT NULL),
  inserted AS (
    INSERT INTO jobs (id, kind, name, owner_id, batch_id, payload, status, priority, run_at, max_attempts, timeout_ms,
                      idempotency_key, created_at, updated_at)
    SELECT t.id, t.kind, t.name, t.owner_id, $1::text, t.payload, 'queued', t.priority, t.run_at, t.max_attempts, t.timeout_ms,
           t.idempotency_key, $4::timestamp, $4::timestamp
      FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::int[], $11::timestamp[], $12::int[],
                  $13::int[], $14::text[])
           AS t(id, kind, name, owner_id, payload, priority, run_at, max_attempts, timeout_ms, idempotency_key))
  SELECT pg_notify('${CHANNEL}', 'queued')`;

export function postgresDialect(connectionString: string): JobDialect {
  let pool: pg.Pool | null = null;
  const connections = () => {
    // allowExitOnIdle: a process that only enqueued (a script, a test) may exit without closing.
    if (!pool) {
      pool = new pg.Pool({ connectionString, max: POOL_SIZE, allowExitOnIdle: true, types, options: PLANNER_OPTIONS });
      // An idle connection the server closed (restart, dropped database) is discarded by the pool;
      // without a listener its error would end the process. A query on a broken one rejects as usual.
      pool.on("error", () => {});
    }
    return pool;
  };

  return {
    name: "postgres",

    async claim({ workerId, now, leaseUntil, kinds, limit }) {
      if (kinds.length === 0 || limit <= 0) return [];
      const { rows } = await connections().query({ name: "tandem_claim", text: CLAIM, values: [workerId, ts(now), ts(leaseUntil), kinds, limit] });
      return inClaimOrder(rows.map((r) => claimedJobFromRow(r, decode, now)));
    },

    async complete(workerId, jobs, now) {
      if (jobs.length === 0) return new Set();
      const ids = jobs.map((j) => j.jobId);
      const results = jobs.map((j) => (j.result === null || j.result === undefined ? null : JSON.stringify(j.result)));
      const { rows } = await connections().query<{ id: string }>({ name: "tandem_complete", text: COMPLETE, values: [ids, results, workerId, ts(now), jobs.map((j) => j.attempt)] });
      return new Set(rows.map((r) => r.id));
    },

    async fail({ jobId, workerId, attempts, now, errorMessage, errorStack, retryAt, event }) {
      const { rowCount } = await connections().query({
        name: "tandem_fail",
        text: FAIL,
        values: [jobId, workerId, attempts, ts(now), errorMessage, retryAt && ts(retryAt), errorStack, event.type, event.message],
      });
      return rowCount === 1;
    },

    async renewLeases({ workerId, jobIds, now, leaseUntil }) {
      if (jobIds.length === 0) return [];
      const { rows } = await connections().query({ name: "tandem_renew", text: RENEW, values: [jobIds, workerId, ts(now), ts(leaseUntil)] });
      return rows.map((r) => ({ id: r.id as string, cancelRequested: r.cancel_requested as boolean }));
    },

    async insertJobs(batch, jobs, now) {
      const column = <T>(f: (j: (typeof jobs)[number]) => T) => jobs.map(f);
      await connections().query({ name: "tandem_insert_jobs", text: INSERT_JOBS, values: [
        batch?.id ?? null,
        batch?.ownerId ?? null,
        batch?.name ?? null,
        ts(now),
        column((j) => j.id),
        column((j) => j.kind),
        column((j) => j.name),
        column((j) => j.ownerId),
        column((j) => JSON.stringify(j.payload)),
        column((j) => j.priority),
        column((j) => ts(j.runAt)),
        column((j) => j.maxAttempts),
        column((j) => j.timeoutMs),
        column((j) => j.idempotencyKey),
      ] });
    },

    isUniqueViolation(err) {
      return typeof err === "object" && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION;
    },

    async publish(signal) {
      await connections().query(`SELECT pg_notify('${CHANNEL}', $1)`, [encodeSignal(signal)]);
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

    async close() {
      const old = pool;
      pool = null;
      await old?.end();
    },

    sql: {
      param: (n, cast) => (cast ? `$${n}::${cast}` : `$${n}`),
      date: (d) => d,
      unorderedGroup: (column) => column,
      likeIgnoringCase: "ILIKE",
    },
  };
}
