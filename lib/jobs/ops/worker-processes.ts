import os from "node:os";
import type { Store } from "../store";

/** Records (or refreshes) this worker process, so admins can see which workers are alive. */
export async function heartbeatWorker(store: Store, workerId: string, concurrency: number): Promise<void> {
  const now = store.clock.now();
  await store.db.workerProcess.upsert({
    where: { id: workerId },
    create: { id: workerId, hostname: os.hostname(), pid: process.pid, concurrency, startedAt: now, heartbeatAt: now },
    update: { heartbeatAt: now },
  });
}

export async function removeWorker(store: Store, workerId: string): Promise<void> {
  await store.db.workerProcess.deleteMany({ where: { id: workerId } });
}

/** Workers that sent a heartbeat within `aliveMs`, with the jobs they are running. */
export async function listLiveWorkers(store: Store, aliveMs: number) {
  const since = new Date(store.clock.now().getTime() - aliveMs);
  const workers = await store.db.workerProcess.findMany({ where: { heartbeatAt: { gte: since } }, orderBy: { startedAt: "asc" } });
  const running = await store.db.job.findMany({
    where: { status: "running", workerId: { in: workers.map((w) => w.id) } },
    select: { id: true, name: true, kind: true, progress: true, workerId: true },
  });
  return workers.map((w) => ({ ...w, jobs: running.filter((j) => j.workerId === w.id) }));
}
