import Database from "better-sqlite3";

export interface SlotTime {
  jobs: number;
  succeeded: number;
  /** The first job's claim to the last job's end (ms, from the job rows). */
  windowMs: number;
  firstStartedAt: number;
  lastFinishedAt: number;
  /** Shares of windowMs × concurrency; they add up to 1. */
  handlers: number;
  registryBeforeHandlers: number;
  idleSlots: number;
  /** Per job, ms: handler time, and the registry's part of the job's claim → end. */
  handlerMs: number[];
  registryMs: number[];
}

/**
 * Where the worker slots' time went, from the batch's job rows and events in the app's SQLite
 * file (timestamps in Unix ms). A job holds a slot from its claim (`started_at`) until its handler
 * returns: its handler runs from its first progress event (the analysis job's first act is "Load
 * data") to its last (the pool task's "Done"), and the slot is free again then, while the completion
 * is recorded. The registry's part of a slot is claim → the handler's first step; slot time outside
 * that is idle: waiting for the worker loop to claim, and the tail when fewer jobs than slots are left.
 * Per job, `registryMs` is all of claim → end outside the handler, the completion included.
 */
export function measureSlotTime(dbFile: string, batchId: string, concurrency: number): SlotTime {
  const db = new Database(dbFile, { readonly: true, timeout: 30_000 });
  try {
    const jobs = db
      .prepare(
        `SELECT j.status, j.started_at AS startedAt, j.finished_at AS finishedAt,
                MIN(e.created_at) AS handlerStart, MAX(e.created_at) AS handlerEnd
         FROM jobs j LEFT JOIN job_events e ON e.job_id = j.id AND e.type = 'progress'
         WHERE j.batch_id = ? GROUP BY j.id`,
      )
      .all(batchId) as { status: string; startedAt: number | null; finishedAt: number | null; handlerStart: number | null; handlerEnd: number | null }[];
    const ran = jobs.filter((j) => j.startedAt !== null && j.finishedAt !== null && j.handlerStart !== null && j.handlerEnd !== null) as {
      status: string;
      startedAt: number;
      finishedAt: number;
      handlerStart: number;
      handlerEnd: number;
    }[];
    if (ran.length === 0) throw new Error(`no job of batch ${batchId} ran with progress events`);
    const firstStartedAt = Math.min(...ran.map((j) => j.startedAt));
    const lastFinishedAt = Math.max(...ran.map((j) => j.finishedAt));
    const windowMs = lastFinishedAt - firstStartedAt;
    const slotMs = windowMs * concurrency;
    const handlerMs = ran.map((j) => j.handlerEnd - j.handlerStart);
    const registryMs = ran.map((j) => j.finishedAt - j.startedAt - (j.handlerEnd - j.handlerStart));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const holding = sum(ran.map((j) => j.handlerEnd - j.startedAt));
    return {
      jobs: jobs.length,
      succeeded: jobs.filter((j) => j.status === "succeeded").length,
      windowMs,
      firstStartedAt,
      lastFinishedAt,
      handlers: sum(handlerMs) / slotMs,
      registryBeforeHandlers: sum(ran.map((j) => j.handlerStart - j.startedAt)) / slotMs,
      idleSlots: (slotMs - holding) / slotMs,
      handlerMs,
      registryMs,
    };
  } finally {
    db.close();
  }
}
