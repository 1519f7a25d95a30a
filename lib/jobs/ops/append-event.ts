import type { Store } from "../store";

export async function appendEvent(store: Store, jobId: string, type: string, message: string | null, workerId?: string): Promise<void> {
  await store.db.jobEvent.create({ data: { jobId, type, message, workerId, createdAt: store.clock.now() } });
}
