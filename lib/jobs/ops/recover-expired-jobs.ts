import type { Store } from "../store";

const BATCH = 100;
/** Events a worker writes to end a run (see transition-job.ts and the dialects' fail). */
const RUN_ENDINGS = ["failed", "retry_scheduled", "released", "cancelled"];

/**
 * Finds running jobs whose lease expired (their worker died or hung) and requeues them, or fails
 * them when no attempts remain. Any live worker may run this; each job is taken over by exactly one
 * conditional update, so two workers recovering at once do no harm.
 */
export async function recoverExpiredJobs(store: Store): Promise<number> {
  const now = store.clock.now();
  const expired = await store.db.job.findMany({
    where: { status: "running", leaseExpiresAt: { lt: now } },
    select: { id: true, workerId: true, attempts: true, maxAttempts: true, cancelRequested: true, startedAt: true },
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
    // The event goes first, so that nobody sees the job requeued or ended without it; it is taken
    // back if another worker recovered the job meanwhile. (Not an interactive transaction: one whose
    // statement waits on a lock past Prisma's transaction timeout can leave its connection stuck.)
    const event = await store.db.jobEvent.create({
      data: { jobId: job.id, type: "lease_expired", message, workerId: job.workerId, runStartedAt: job.startedAt, createdAt: now },
      select: { id: true },
    });
    const { count } = await store.db.job.updateMany({ where, data: { ...data, status, leaseExpiresAt: null, updatedAt: now } });
    if (count === 0) {
      await store.db.jobEvent.deleteMany({ where: { id: event.id } });
      continue;
    }
    if (job.workerId && job.startedAt) await removeUnrecordedEnding(store, job.id, job.workerId, job.startedAt, event.id);
    recovered++;
  }
  return recovered;
}

/**
 * A worker writes a run's ending event just before its status (transitionHeldJob). One that died
 * between the two left an ending that never took effect; once the job is taken from it, that event
 * goes, so the job's history shows the run as the lost one it was (ended once, by lease_expired).
 */
async function removeUnrecordedEnding(store: Store, jobId: string, workerId: string, runStartedAt: Date, before: number): Promise<void> {
  await store.db.jobEvent.deleteMany({ where: { jobId, workerId, runStartedAt, type: { in: RUN_ENDINGS }, id: { lt: before } } });
}
