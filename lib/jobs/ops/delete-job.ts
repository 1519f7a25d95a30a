import type { Store } from "../store";
import { TERMINAL_STATUSES } from "../types";

export type DeleteOutcome = "deleted" | "not-finished" | "not-found";

/** Deletes a finished job and its events; queued and running jobs must be cancelled first. */
export async function deleteJob(store: Store, jobId: string): Promise<DeleteOutcome> {
  const { count } = await store.db.job.deleteMany({ where: { id: jobId, status: { in: [...TERMINAL_STATUSES] } } });
  if (count === 1) return "deleted";
  return (await store.db.job.count({ where: { id: jobId } })) ? "not-finished" : "not-found";
}
