import { afterEach, beforeEach } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { JobQueue } from "./queue";
import type { JobStatus } from "./types";
import type { Clock } from "./types";

/** A fresh database and a queue on it; shared by the registry's database tests. */
export async function createTestQueue(options: { clock?: Clock } = {}): Promise<{ database: TestDatabase; queue: JobQueue }> {
  const database = await createTestDatabase();
  const queue =
    database.config.dialect === "postgres"
      ? new JobQueue({ db: database.db, dialect: "postgres", connectionString: database.url, clock: options.clock })
      : new JobQueue({ db: database.db, dialect: "sqlite", clock: options.clock });
  return { database, queue };
}

/** Gives each test of the calling file its own database and queue, cleaned up after it. */
export function setupTestQueue(): { readonly database: TestDatabase; readonly queue: JobQueue } {
  let current: { database: TestDatabase; queue: JobQueue } | null = null;
  beforeEach(async () => {
    current = await createTestQueue();
  });
  afterEach(async () => {
    await current?.queue.close({ graceMs: 0 });
    await current?.database.drop();
    current = null;
  });
  return {
    get database() {
      return current!.database;
    },
    get queue() {
      return current!.queue;
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function statusOf(queue: JobQueue, jobId: string): Promise<JobStatus | undefined> {
  return (await queue.get(jobId))?.status as JobStatus | undefined;
}

export function waitForStatus(queue: JobQueue, jobId: string, status: JobStatus, timeoutMs?: number) {
  return waitFor(`job ${jobId} to be ${status}`, async () => (await statusOf(queue, jobId)) === status, timeoutMs);
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
