import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Schedule } from "../db/generated/sqlite";
import type { JobQueue } from "../jobs";
import type { Logger } from "../jobs/logger";

/** A schedule as firing needs it: with its owner, in whose name the batch is submitted. */
export type FiringSchedule = Schedule & { owner: Principal };

/** Prisma `include` that loads a FiringSchedule. */
export const WITH_OWNER = { owner: { select: { id: true, role: true } } } as const;

/** What firing uses: the database, the queue batches are enqueued on, and a log. */
export interface FiringContext {
  db: Db;
  queue: JobQueue;
  logger: Logger;
}
