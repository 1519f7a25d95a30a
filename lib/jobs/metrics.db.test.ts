import { describe, expect, it } from "vitest";
import { PermanentJobError } from "./errors";
import { setupTestQueue, waitForStatus } from "./test-support";

const suite = setupTestQueue();

describe("the worker's metrics", () => {
  it("count each kind's runs by outcome and time them", async () => {
    suite.queue.define<{ fail?: boolean }>("measured", async (ctx) => {
      if (ctx.payload.fail) throw new PermanentJobError("bad input");
    });
    suite.queue.define("other", async () => {});
    await suite.queue.startWorker({ concurrency: 2 });
    const { jobIds } = await suite.queue.enqueueMany([
      { kind: "measured", name: "a", payload: {} },
      { kind: "measured", name: "b", payload: {} },
      { kind: "measured", name: "c", payload: { fail: true } },
      { kind: "other", name: "d", payload: {} },
    ]);
    await Promise.all(jobIds.map((id, i) => waitForStatus(suite.queue, id, i === 2 ? "failed" : "succeeded")));
    const text = await suite.queue.metrics().registry.metrics();
    const value = (series: string) => Number(text.split("\n").find((line) => line.startsWith(`${series} `))?.split(" ")[1]);
    expect(value('tandem_jobs_finished_total{kind="measured",status="succeeded"}')).toBe(2);
    expect(value('tandem_jobs_finished_total{kind="measured",status="failed"}')).toBe(1);
    expect(value('tandem_jobs_finished_total{kind="other",status="succeeded"}')).toBe(1);
    expect(value('tandem_job_duration_seconds_count{kind="measured"}')).toBe(3);
    expect(value('tandem_job_duration_seconds_count{kind="other"}')).toBe(1);
    expect(value('tandem_job_queue_wait_seconds_count{kind="measured"}')).toBe(3);
  });
});
