import { getDatabase } from "../db/client";
import { JobQueue } from "../jobs";
import { registerHandlers } from "./register-handlers";

const key = Symbol.for("tandem.queue");
const holder = globalThis as unknown as { [key]?: JobQueue };

/** The app's job queue on the configured database, with every Tandem job kind registered. */
export function getQueue(): JobQueue {
  if (!holder[key]) {
    const { db, config } = getDatabase();
    const queue =
      config.dialect === "postgres"
        ? new JobQueue({ db, dialect: "postgres", connectionString: config.url })
        : new JobQueue({ db, dialect: "sqlite" });
    registerHandlers(queue, config);
    holder[key] = queue;
  }
  return holder[key];
}
