import type { Prisma } from "../../db/generated/sqlite";
import type { Store } from "../store";

export interface JobEventData {
  type: string;
  message?: string | null;
  workerId?: string | null;
  /** For an event that ends a run: when the run started. */
  runStartedAt?: Date | null;
}

/** A run a worker holds: the job, the worker, the attempt it claimed and when that run started. */
export interface HeldRun {
  jobId: string;
  workerId: string;
  attempt: number;
  startedAt: Date | null;
}

type Where = Prisma.JobWhereInput;
type Data = Prisma.JobUpdateManyMutationInput;

/**
 * Changes a job's row if it still matches `where` and logs `event` in one transaction, so nobody
 * sees the new status without its event. For requests (cancel, retry): rare, so the transaction's
 * cost does not matter. Its first statement is a write, which SQLite's busy handler can wait for.
 */
export async function transitionJob(store: Store, jobId: string, where: Where, data: Data, event: JobEventData): Promise<boolean> {
  const now = store.clock.now();
  return store.db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({ where: { ...where, id: jobId }, data });
    if (count !== 1) return false;
    await tx.jobEvent.create({ data: { jobId, ...eventRow(event), createdAt: now } });
    return true;
  });
}

/**
 * The same for a job its worker holds, on the rarer worker paths (cancel acknowledged, release;
 * success and failure go through the dialect in one transaction). A Prisma transaction here would
 * hold SQLite's write lock across event-loop turns and collapse throughput with several worker
 * processes (measured: 2,000 jobs on 3 processes went from seconds to a time-out). So the event is
 * written first and the status second: readers may see the event a moment early, never the status
 * without it, and the event is taken back if the worker had lost the job meanwhile.
 */
export async function transitionHeldJob(store: Store, jobId: string, where: Where, data: Data, event: JobEventData): Promise<boolean> {
  const { db } = store;
  const written = await db.jobEvent.create({ data: { jobId, ...eventRow(event), createdAt: store.clock.now() }, select: { id: true } });
  const { count } = await db.job.updateMany({ where: { ...where, id: jobId }, data });
  if (count === 1) return true;
  await db.jobEvent.deleteMany({ where: { id: written.id } });
  return false;
}

function eventRow(event: JobEventData) {
  return { type: event.type, message: event.message ?? null, workerId: event.workerId ?? null, runStartedAt: event.runStartedAt ?? null };
}
