import crypto from "node:crypto";
import Database from "better-sqlite3";

const DAY_MS = 86_400_000;
/** A kind no worker handles, so seeded queued jobs stay queued. */
const SEED_KIND = "bench.seeded";

/**
 * Users that registered long ago, straight into the app's SQLite file: they own most of the
 * seeded jobs, and since they are older, a user registered later through the API is not the
 * first (admin) user.
 */
export function seedUsers(dbFile: string, count: number): string[] {
  const db = new Database(dbFile, { timeout: 30_000 });
  try {
    const insert = db.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES (?, ?, NULL, 'not-a-hash', 'user', ?)`);
    const ids = Array.from({ length: count }, () => crypto.randomUUID());
    const old = Date.now() - 365 * DAY_MS;
    db.transaction(() => ids.forEach((id, i) => insert.run(id, `seeded-${i}-${id.slice(0, 8)}@bench.invalid`, old + i)))();
    return ids;
  } finally {
    db.close();
  }
}

/**
 * Finished and waiting jobs spread over the last 90 days, written with raw SQL in one transaction
 * (timestamps in Unix ms, the app's SQLite format): mostly succeeded, some failed, cancelled and
 * queued.
 */
export function seedJobs(dbFile: string, plan: { ownerId: string; count: number }[]): number {
  const db = new Database(dbFile, { timeout: 30_000 });
  try {
    const insert = db.prepare(`INSERT INTO jobs
      (id, kind, name, owner_id, payload, status, priority, run_at, attempts, max_attempts, progress, result, error_message,
       created_at, updated_at, started_at, finished_at, cancel_requested)
      VALUES (?, ?, ?, ?, '{}', ?, 0, ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, 0)`);
    const now = Date.now();
    let total = 0;
    db.transaction(() => {
      for (const { ownerId, count } of plan) {
        for (let i = 0; i < count; i++) {
          const created = now - Math.floor(Math.random() * 90 * DAY_MS);
          const r = Math.random();
          const status = r < 0.9 ? "succeeded" : r < 0.95 ? "failed" : r < 0.98 ? "cancelled" : "queued";
          const finished = status === "queued" ? null : created + 1_000 + Math.floor(Math.random() * 60_000);
          insert.run(
            crypto.randomUUID(),
            SEED_KIND,
            `Analyse ${String(100_000 + Math.floor(Math.random() * 900_000))}`,
            ownerId,
            status,
            created,
            status === "queued" ? 0 : 1,
            status === "succeeded" ? 100 : 0,
            status === "succeeded" ? '{"ok":true}' : null,
            status === "failed" ? "The data source did not answer" : null,
            created,
            finished ?? created,
            status === "queued" ? null : created + 500,
            finished,
          );
          total++;
        }
      }
    })();
    return total;
  } finally {
    db.close();
  }
}
