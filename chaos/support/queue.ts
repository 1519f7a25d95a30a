import type { Db } from "@/lib/db";
import { JobQueue } from "@/lib/jobs";

/** A queue on the server's SQLite database, to record jobs as a route handler would (no worker). */
export function createQueueOn(db: Db): JobQueue {
  return new JobQueue({ db, dialect: "sqlite" });
}
