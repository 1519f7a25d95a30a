/*
 * What the schedules' database tests share: a clock they move by hand, a user, symbols that "have
 * data" (a published dataset listing them, as the import job leaves it), and a firing pass at a
 * given moment.
 */
import crypto from "node:crypto";
import type { Db } from "../../db/client";
import type { Clock, JobQueue } from "../../jobs";
import { fireDueSchedules } from "../fire-due-schedules";
import type { FiringContext } from "../firing-schedule";

export class TestClock implements Clock {
  private current: Date;
  constructor(start: string | Date) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(moment: string | Date): Date {
    this.current = new Date(moment);
    return this.now();
  }
}

export async function createUser(db: Db) {
  const user = await db.user.create({ data: { email: `${crypto.randomUUID()}@example.com`, passwordHash: "x" } });
  return { id: user.id, role: user.role };
}

/** A published dataset listing `symbols` (without bars: enough for a batch to be accepted); returns its id. */
export async function seedSymbols(db: Db, ownerId: string | null, symbols: string[]): Promise<string> {
  const day = new Date("2020-01-01T00:00:00Z");
  const dataset = await db.dataset.create({
    data: { ownerId, name: `seed ${symbols.join(",")}`, status: "ready", fileName: "seed.csv", fileSize: BigInt(1), sha256: crypto.randomUUID(), publishedAt: day },
  });
  await db.datasetSymbol.createMany({
    data: symbols.map((symbol) => ({ datasetId: dataset.id, symbol, ownerId, rowCount: 100, firstDate: day, lastDate: day, hasOhlc: false, publishedAt: day })),
  });
  return dataset.id;
}

/** Runs one firer pass at `moment`, with the queue's clock moved there too (job timestamps follow it). */
export function firingPass(queue: JobQueue, clock: TestClock) {
  const ctx: FiringContext = { db: queue.store.db, queue, logger: queue.logger };
  return (moment: string | Date) => fireDueSchedules(ctx, clock.set(moment));
}

/** A schedule's fire times (ISO, oldest first) and the batch each enqueued. */
export async function firesOf(db: Db, scheduleId: string) {
  const fires = await db.scheduleFire.findMany({ where: { scheduleId }, orderBy: { fireAt: "asc" } });
  return fires.map((f) => ({ fireAt: f.fireAt.toISOString(), batchId: f.batchId, manual: f.manual }));
}
