import type { Store } from "../store";

export interface LeaseRenewal {
  /** Jobs this worker still holds. */
  held: Set<string>;
  /** Held jobs whose cancellation was requested. */
  cancelRequested: Set<string>;
}

/** The heartbeat: extends the lease of every job the worker holds, in one statement. */
export async function renewLeases(store: Store, workerId: string, jobIds: string[], leaseMs: number): Promise<LeaseRenewal> {
  const now = store.clock.now();
  const rows = await store.dialect.renewLeases({ workerId, jobIds, now, leaseUntil: new Date(now.getTime() + leaseMs) });
  return {
    held: new Set(rows.map((r) => r.id)),
    cancelRequested: new Set(rows.filter((r) => r.cancelRequested).map((r) => r.id)),
  };
}
