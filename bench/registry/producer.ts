/*
 * A second process that only enqueues: measures pick-up of jobs recorded elsewhere (another web
 * process), which only LISTEN/NOTIFY or polling can report to the worker.
 *   in: { systemId, target }, then { k } per job, then { close: true }; out: { ready: true }
 */
import { epochMs } from "../support/latency";
import type { QueueUnderTest } from "./queue-under-test";
import { queueSystem } from "./systems";

type Message = { systemId?: string; target?: string; k?: number; close?: boolean };

let system: QueueUnderTest | null = null;
let done: Promise<void> = Promise.resolve();

// One message at a time: `close` must not overtake an enqueue still in flight.
process.on("message", (m: Message) => {
  done = done.then(() => handle(m)).catch((err) => {
    console.error("producer:", err);
    process.exit(1);
  });
});

async function handle(m: Message): Promise<void> {
  if (m.systemId && m.target) {
    system = await queueSystem(m.systemId).open(m.target, "producer");
    process.send!({ ready: true });
  } else if (m.k !== undefined) {
    await system!.enqueueOne({ t0: epochMs(), k: m.k });
  } else if (m.close) {
    await system?.close();
    process.exit(0);
  }
}
