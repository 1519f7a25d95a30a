import type { QueueSystem } from "../queue-under-test";
import { graphileWorker } from "./graphile-worker";
import { pgBoss } from "./pg-boss";
import { plainjob } from "./plainjob";
import { tandemPostgres, tandemSqlite } from "./tandem";

/** Every system the registry comparison runs, Tandem first on each database. */
export const QUEUE_SYSTEMS: QueueSystem[] = [tandemPostgres, graphileWorker, pgBoss, tandemSqlite, plainjob];

export function queueSystem(id: string): QueueSystem {
  const system = QUEUE_SYSTEMS.find((s) => s.id === id);
  if (!system) throw new Error(`unknown queue system "${id}"`);
  return system;
}
