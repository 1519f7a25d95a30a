import type { Store } from "../store";

export interface LeaseRenewal {
  /** Jobs this worker still holds. */
  held: Set<string>;
  /** Held jobs whose cancellation was requested. */
  cancelRequested: Set<string>;
}

/** The heartbeat: extends the lease of every job the worker holds. */
export async function renewLeases(store: Store, workerId: string, jobIds: string[], leaseMs: number): Promise<LeaseRenewal> {
  if (jobIds.length === 0) return { held: new Set(), cancelRequested: new Set() };
  const now = store.clock.now();
  const where = { id: { in: jobIds }, workerId, status: "running" };
  await store.db.job.updateMany({ where, data: { heartbeatAt: now, leaseExpiresAt: new Date(now.getTime() + leaseMs) } });
  const rows = await store.db.job.findMany({ where, select: { id: true, cancelRequested: true } });
  return {
    held: new Set(rows.map((r) => r.id)),
    cancelRequested: new Set(rows.filter((r) => r.cancelRequested).map((r) => r.id)),
  };
}
