import { EventEmitter } from "node:events";

export type JobSignal = { type: "queued" } | { type: "cancel"; jobId: string };

/**
 * In-process wake-ups: an enqueue in a route handler wakes the worker in the same process at
 * once. One emitter per process, kept on globalThis because Next.js may load this module in
 * several bundles.
 */
const key = Symbol.for("tandem.jobs.notifier");
const globalWithNotifier = globalThis as unknown as { [key]?: EventEmitter };

export function localNotifier(): EventEmitter {
  if (!globalWithNotifier[key]) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(100);
    globalWithNotifier[key] = emitter;
  }
  return globalWithNotifier[key];
}

export function emitLocal(signal: JobSignal): void {
  localNotifier().emit("signal", signal);
}

export function encodeSignal(signal: JobSignal): string {
  return signal.type === "queued" ? "queued" : `cancel:${signal.jobId}`;
}

export function decodeSignal(text: string): JobSignal | null {
  if (text === "queued") return { type: "queued" };
  if (text.startsWith("cancel:")) return { type: "cancel", jobId: text.slice("cancel:".length) };
  return null;
}
