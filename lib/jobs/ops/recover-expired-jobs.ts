import type { Store } from "../store";

const BATCH = 100;

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
    const { count } = await store.db.job.updateMany({ where, data: { ...data, status, leaseExpiresAt: null, updatedAt: now } });
    if (count === 0) continue;
    await store.db.jobEvent.create({ data: { jobId: job.id, type: "lease_expired", message, createdAt: now } });
    recovered++;
  }
  return recovered;
}
