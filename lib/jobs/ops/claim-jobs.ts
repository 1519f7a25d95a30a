import type { ClaimedJob } from "../dialects/dialect";
import type { Store } from "../store";

export interface ClaimOptions {
  workerId: string;
  kinds: string[];
  limit: number;
  leaseMs: number;
}

/** Claims up to `limit` due jobs for this worker, in one statement, and returns them, highest priority first. */
export function claimJobs(store: Store, { workerId, kinds, limit, leaseMs }: ClaimOptions): Promise<ClaimedJob[]> {
  const now = store.clock.now();
  return store.dialect.claim({ workerId, now, leaseUntil: new Date(now.getTime() + leaseMs), kinds, limit });
}
