import type { Job } from "../../db/generated/sqlite";
import type { Store } from "../store";
import { insertRows } from "./insert-rows";

export interface ClaimOptions {
  workerId: string;
  kinds: string[];
  limit: number;
  leaseMs: number;
}

/**
 * Claims up to `limit` due jobs for this worker and returns them, highest priority first. The
 * claim and its "started" events commit together, so nobody sees a running job without them. The
 * transaction's first statement is the claim itself (a write), which SQLite's busy handler can wait
 * for safely.
 */
export async function claimJobs(store: Store, { workerId, kinds, limit, leaseMs }: ClaimOptions): Promise<Job[]> {
  const now = store.clock.now();
  const { dialect } = store;
  const ids = await store.db.$transaction(async (tx) => {
    const claimed = await dialect.claim(tx, { workerId, now, leaseUntil: new Date(now.getTime() + leaseMs), kinds, limit });
    await insertRows(
      tx,
      dialect,
      "job_events",
      [
        { name: "job_id", value: (id: string) => id },
        { name: "type", value: () => "started" },
        { name: "worker_id", value: () => workerId },
        { name: "message", value: () => `started on ${workerId}` },
        { name: "created_at", value: () => dialect.sql.date(now) },
      ],
      claimed,
    );
    return claimed;
  });
  if (ids.length === 0) return [];
  return store.db.job.findMany({ where: { id: { in: ids } }, orderBy: [{ priority: "desc" }, { runAt: "asc" }] });
}
