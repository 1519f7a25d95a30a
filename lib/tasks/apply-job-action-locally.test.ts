import { describe, expect, it } from "vitest";
import { applyJobActionLocally } from "./apply-job-action-locally";
import type { JobSummaryView } from "./job-view";

const base: JobSummaryView = {
  id: "j", kind: "analysis", name: "Analyse 600519", ownerId: "u", ownerEmail: "u@x.io", batch: null, status: "queued", priority: 0, progress: 0,
  progressLabel: null, attempts: 0, maxAttempts: 3, errorMessage: null, cancelRequested: false, workerId: null, resultHref: "/analysis/j",
  createdAt: "2030-01-01T00:00:00.000Z", runAt: "2030-01-01T00:00:00.000Z", startedAt: null, finishedAt: null, updatedAt: "2030-01-01T00:00:00.000Z",
};
const now = new Date("2030-01-01T00:01:00.000Z");

describe("optimistic job actions", () => {
  it("cancel a queued job at once and mark a running one as cancelling", () => {
    expect(applyJobActionLocally(base, "cancel", now)?.status).toBe("cancelled");
    const running = applyJobActionLocally({ ...base, status: "running", progress: 40 }, "cancel", now)!;
    expect([running.status, running.cancelRequested]).toEqual(["running", true]);
  });

  it("queue a failed job again from the start, and leave jobs an action does not apply to", () => {
    const failed = { ...base, status: "failed", progress: 70, attempts: 3, errorMessage: "boom", finishedAt: now.toISOString() };
    expect(applyJobActionLocally(failed, "retry", now)).toMatchObject({ status: "queued", progress: 0, attempts: 0, errorMessage: null, finishedAt: null });
    expect(applyJobActionLocally(base, "retry", now)).toBe(base);
    expect(applyJobActionLocally(base, "delete", now)).toBe(base);
    expect(applyJobActionLocally(failed, "delete", now)).toBeNull();
  });
});
