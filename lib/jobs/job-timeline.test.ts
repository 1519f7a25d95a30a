import { describe, expect, it } from "vitest";
import type { JobEvent } from "../db/generated/sqlite";
import { jobTimeline, type TimelineJob } from "./job-timeline";

const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, second));
let nextId = 1;
const stored = (type: string, second: number, workerId: string | null = null, runStartedAt: number | null = null): JobEvent => ({
  id: nextId++,
  jobId: "j",
  type,
  message: null,
  workerId,
  createdAt: at(second),
  runStartedAt: runStartedAt === null ? null : at(runStartedAt),
});
const job = (status: string, startedAt: number | null, workerId: string | null, finishedAt: number | null = null): TimelineJob => ({
  id: "j",
  status,
  createdAt: at(0),
  startedAt: startedAt === null ? null : at(startedAt),
  finishedAt: finishedAt === null ? null : at(finishedAt),
  workerId,
});
const read = (events: ReturnType<typeof jobTimeline>) => events.map((e) => `${e.type}@${(e.createdAt.getTime() - at(0).getTime()) / 1000}${e.workerId ? `:${e.workerId}` : ""}`);

describe("jobTimeline", () => {
  it("tells a queued job's creation", () => {
    expect(read(jobTimeline(job("queued", null, null), []))).toEqual(["queued@0"]);
  });

  it("puts the running run's start before its own events, after those that came before it", () => {
    const events = [stored("cancel_requested", 1), stored("progress", 3, "w1"), stored("log", 4, "w1")];
    expect(read(jobTimeline(job("running", 2, "w1"), events))).toEqual(["queued@0", "cancel_requested@1", "started@2:w1", "progress@3:w1", "log@4:w1"]);
  });

  it("puts each ended run's start before the first of its events, and the success at the end", () => {
    const events = [
      stored("progress", 2, "w1"),
      stored("retry_scheduled", 3, "w1", 1),
      stored("lease_expired", 6, "w2", 4),
      stored("progress", 8, "w3"),
    ];
    expect(read(jobTimeline(job("succeeded", 7, "w3", 9), events))).toEqual([
      "queued@0",
      "started@1:w1",
      "progress@2:w1",
      "retry_scheduled@3:w1",
      "started@4:w2",
      "lease_expired@6:w2",
      "started@7:w3",
      "progress@8:w3",
      "succeeded@9:w3",
    ]);
  });

  it("tells no run for a job cancelled before it started, nor a current run for one that failed", () => {
    expect(read(jobTimeline(job("cancelled", null, null, 1), [stored("cancelled", 1)]))).toEqual(["queued@0", "cancelled@1"]);
    expect(read(jobTimeline(job("failed", 1, "w1", 2), [stored("failed", 2, "w1", 1)]))).toEqual(["queued@0", "started@1:w1", "failed@2:w1"]);
  });
});
