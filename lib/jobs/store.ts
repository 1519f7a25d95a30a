import type { Db } from "../db/client";
import type { JobDialect } from "./dialects/dialect";
import { emitLocal, type JobSignal } from "./notifier";
import type { Clock } from "./types";

/** What every operation needs: the database, its dialect and the clock. */
export interface Store {
  db: Db;
  dialect: JobDialect;
  clock: Clock;
}

/** Wakes workers in this process at once and, where the database can, in every other process. */
export async function signal(store: Store, message: JobSignal): Promise<void> {
  emitLocal(message);
  await store.dialect.publish(message);
}
