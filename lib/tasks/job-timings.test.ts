import { describe, expect, it } from "vitest";
import { jobTimings } from "./job-timings";

const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s)).toISOString();
const now = Date.parse(at(100));

describe("job timings", () => {
  it("count a queued job's wait up, or down to when a delayed job is due", () => {
    expect(jobTimings({ status: "queued", progress: 0, createdAt: at(40), runAt: at(40), startedAt: null, finishedAt: null }, now)).toEqual({
      waitMs: 60_000,
      dueInMs: null,
      elapsedMs: null,
      remainingMs: null,
    });
    expect(jobTimings({ status: "queued", progress: 0, createdAt: at(40), runAt: at(130), startedAt: null, finishedAt: null }, now)).toMatchObject({
      waitMs: null,
      dueInMs: 30_000,
    });
  });

  it("estimate a running job's time left from its progress so far", () => {
    const t = jobTimings({ status: "running", progress: 25, createdAt: at(0), runAt: at(0), startedAt: at(80), finishedAt: null }, now);
    expect(t).toEqual({ waitMs: 80_000, dueInMs: null, elapsedMs: 20_000, remainingMs: 60_000 });
    expect(jobTimings({ status: "running", progress: 0, createdAt: at(0), runAt: at(0), startedAt: at(80), finishedAt: null }, now).remainingMs).toBeNull();
  });

  it("give a finished job its run time and no estimate", () => {
    expect(jobTimings({ status: "succeeded", progress: 100, createdAt: at(0), runAt: at(0), startedAt: at(10), finishedAt: at(70) }, now)).toEqual({
      waitMs: 10_000,
      dueInMs: null,
      elapsedMs: 60_000,
      remainingMs: null,
    });
    expect(jobTimings({ status: "cancelled", progress: 0, createdAt: at(0), runAt: at(0), startedAt: null, finishedAt: at(5) }, now).elapsedMs).toBeNull();
  });
});
