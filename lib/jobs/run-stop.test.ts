import { describe, expect, it } from "vitest";
import { JobAbortedError } from "./errors";
import { RunStop } from "./run-stop";

describe("RunStop", () => {
  it("fires a signal read before the stop, with the reason", () => {
    const stop = new RunStop();
    const { signal } = stop;
    let fired: unknown = null;
    signal.addEventListener("abort", () => (fired = signal.reason));
    const reason = new JobAbortedError("cancelled", "cancelled on request");
    expect(stop.stop(reason)).toBe(true);
    expect(fired).toBe(reason);
    expect(stop.reason).toBe(reason);
  });

  it("gives a handler that reads its signal only after the stop one already aborted, with the reason", () => {
    const stop = new RunStop();
    const reason = new JobAbortedError("timeout", "timed out after 10 ms");
    stop.stop(reason);
    expect(stop.signal.aborted).toBe(true);
    expect(stop.signal.reason).toBe(reason);
  });

  it("keeps the first reason when stopped twice", () => {
    const stop = new RunStop();
    const first = new JobAbortedError("lease-lost", "lease lost");
    expect(stop.stopped).toBe(false);
    stop.stop(first);
    expect(stop.stop(new JobAbortedError("shutdown", "shutting down"))).toBe(false);
    expect(stop.signal.reason).toBe(first);
    expect(stop.stopped).toBe(true);
  });
});
