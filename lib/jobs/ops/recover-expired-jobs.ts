import type { Store } from "../store";

const BATCH = 100;
/** Events that end a run (see transition-job.ts). */
const RUN_ENDINGS = ["succeeded", "failed", "retry_scheduled", "released", "cancelled"];

/**
 * Finds running jobs whose lease expired (their worker died or hung) and requeues them, or fails
 * them when no attempts remain. Any live worker may run this; each job is taken over by exactly one
 * conditional update, so two workers recovering at once do no harm.
 */
export async function recoverExpiredJobs(store: Store): Promise<number> {
  const now = store.clock.now();
  const expired = await store.db.job.findMany({
    where: { status: "running", leaseExpiresAt: { lt: now } },
    select: { id: true, workerId: true, attempts: true, maxAttempts: true, cancelRequested: true },
    take: BATCH,
  });
  let recovered = 0;
  for (const job of expired) {
    const where = { id: job.id, status: "running", workerId: job.workerId, leaseExpiresAt: { lt: now }, attempts: job.attempts };
    const who = job.workerId ?? "unknown worker";
    const [status, message, data] = job.cancelRequested
      ? (["cancelled", `worker ${who} stopped responding; cancelled as requested`, { finishedAt: now }] as const)
      : job.attempts < job.maxAttempts
        ? (["queued", `worker ${who} stopped responding; requeued`, { runAt: now, workerId: null }] as const)
        : ([
            "failed",
            `worker ${who} stopped responding and no attempts remain`,
            { finishedAt: now, errorMessage: `The worker running this job stopped responding (attempt ${job.attempts} of ${job.maxAttempts}).` },
          ] as const);
    // The event goes first, so a worker that claims the requeued job at once logs its "started"
    // after it; it is taken back if another worker recovered the job meanwhile. (Not an interactive
    // transaction: one whose statement waits on a lock past Prisma's transaction timeout can leave
    // its connection stuck.)
    const event = await store.db.jobEvent.create({ data: { jobId: job.id, type: "lease_expired", message, createdAt: now }, select: { id: true } });
    const { count } = await store.db.job.updateMany({ where, data: { ...data, status, leaseExpiresAt: null, updatedAt: now } });
    if (count === 0) {
      await store.db.jobEvent.deleteMany({ where: { id: event.id } });
      continue;
    }
    if (job.workerId) await removeUnrecordedEnding(store, job.id, job.workerId, event.id);
    recovered++;
  }
  return recovered;
}

/**
 * A worker writes a run's ending event just before its status (transitionHeldJob). One that died
 * between the two left an ending that never took effect; once the job is taken from it, that event
 * goes, so the job's history shows the run as the lost one it was (not "succeeded" twice).
 */
async function removeUnrecordedEnding(store: Store, jobId: string, workerId: string, before: number): Promise<void> {
  const started = await store.db.jobEvent.findFirst({ where: { jobId, workerId, type: "started", id: { lt: before } }, orderBy: { id: "desc" }, select: { id: true } });
  if (!started) return;
  await store.db.jobEvent.deleteMany({ where: { jobId, workerId, type: { in: RUN_ENDINGS }, id: { gt: started.id, lt: before } } });
}
