import type { Store } from "../store";

/** Records a running job's progress; a new step label is also written to the job's event log. */
export async function updateProgress(
  store: Store,
  jobId: string,
  workerId: string,
  progress: number,
  label: string | null,
  labelChanged: boolean,
): Promise<void> {
  const now = store.clock.now();
  const { count } = await store.db.job.updateMany({
    where: { id: jobId, workerId, status: "running" },
    data: { progress, progressLabel: label, updatedAt: now },
  });
  if (count === 1 && labelChanged && label) {
    await store.db.jobEvent.create({ data: { jobId, type: "progress", message: `${progress}% ${label}`, workerId, createdAt: now } });
  }
}
