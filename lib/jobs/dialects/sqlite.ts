import type { JobDialect } from "./dialect";

/*
 * SQLite: one UPDATE … RETURNING is a single write transaction, so two processes can never claim
 * the same row. Timestamps are stored as Unix milliseconds (the adapter's `unixepoch-ms` format).
 */
export const sqliteDialect: JobDialect = {
  name: "sqlite",

  async claim(db, { workerId, now, leaseUntil, kinds, limit }) {
    if (kinds.length === 0 || limit <= 0) return [];
    const t = now.getTime();
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE jobs
          SET status = 'running', worker_id = ?, attempts = attempts + 1, progress = 0,
              progress_label = NULL, started_at = ?, heartbeat_at = ?, lease_expires_at = ?, updated_at = ?
        WHERE id IN (
          SELECT id FROM jobs
           WHERE status = 'queued' AND run_at <= ? AND kind IN (${kinds.map(() => "?").join(", ")})
           ORDER BY priority DESC, run_at, id
           LIMIT ?)
          AND status = 'queued'
      RETURNING id`,
      workerId, t, t, leaseUntil.getTime(), t, t, ...kinds, limit,
    );
    return rows.map((r) => r.id);
  },

  async publish() {},

  async subscribe() {
    return async () => {};
  },

  containsInsensitive(text) {
    // LIKE is case-insensitive for ASCII in SQLite.
    return { contains: text };
  },

  sql: {
    param: () => "?",
    date: (d) => d.getTime(),
    json: (value) => JSON.stringify(value),
    maxParams: 32_766,
  },
};
