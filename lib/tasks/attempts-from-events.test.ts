import { describe, expect, it } from "vitest";
import { attemptsFromEvents } from "./attempts-from-events";

const e = (type: string, message: string | null = null, workerId: string | null = null) => ({ type, message, workerId, at: `2030-01-01T00:00:0${type.length % 10}Z` });

describe("attempts from a job's event log", () => {
  it("opens one per start and closes it with the event that ended it, across a manual retry", () => {
    const attempts = attemptsFromEvents([
      e("queued"),
      e("started", "started on w1", "w1"),
      e("progress", "50% half", "w1"),
      e("lease_expired", "worker w1 stopped responding; requeued"),
      e("started", "started on w2", "w2"),
      e("failed", "no data for 600519", "w2"),
      e("queued", "retried on request"),
      e("started", "started on w2", "w2"),
    ]);
    expect(attempts.map((a) => [a.number, a.workerId, a.outcome, a.message])).toEqual([
      [1, "w1", "lease_expired", "worker w1 stopped responding; requeued"],
      [2, "w2", "failed", "no data for 600519"],
      [3, "w2", "running", null],
    ]);
    expect(attempts[2]!.endedAt).toBeNull();
  });

  it("is empty for a job no worker has started", () => {
    expect(attemptsFromEvents([e("queued"), e("cancelled", "cancelled before it started")])).toEqual([]);
  });
});
