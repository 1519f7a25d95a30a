import { defaultConcurrency, type Worker } from "../jobs";
import { startScheduleFirer } from "../schedules/schedule-firer";
import { getQueue } from "./get-queue";

const DEFAULT_GRACE_MS = 10_000;

/**
 * Starts this process's worker, and the schedule firer beside it, and stops them gracefully on
 * SIGTERM/SIGINT: no new fires or claims, running jobs get JOBS_SHUTDOWN_GRACE_MS to finish, the
 * rest go back to the queue for another worker.
 */
export async function runWorker(): Promise<Worker> {
  const queue = getQueue();
  const leaseMs = Number(process.env.JOBS_LEASE_MS) || undefined;
  const claimAheadMs = nonNegative(process.env.JOBS_CLAIM_AHEAD_MS);
  const worker = await queue.startWorker({ concurrency: defaultConcurrency(), leaseMs, claimAheadMs });
  const firer = startScheduleFirer(queue);
  const graceMs = Number(process.env.JOBS_SHUTDOWN_GRACE_MS) || DEFAULT_GRACE_MS;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    queue.logger.info({ signal, graceMs }, "stopping: draining running jobs");
    firer
      .stop()
      .then(() => queue.close({ graceMs }))
      .catch((err) => queue.logger.error({ err }, "worker shutdown failed"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return worker;
}

function nonNegative(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && text !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}
