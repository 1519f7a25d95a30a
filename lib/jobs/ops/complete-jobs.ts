import type { Completion } from "../dialects/dialect";
import type { Store } from "../store";

/**
 * Marks succeeded the jobs the worker still holds, in one transaction; returns the ids it
 * recorded. A job the worker had lost is left alone.
 */
export function completeJobs(store: Store, workerId: string, jobs: Completion[]): Promise<Set<string>> {
  return store.dialect.complete(workerId, jobs, store.clock.now());
}
