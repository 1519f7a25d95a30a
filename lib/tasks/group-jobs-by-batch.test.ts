import { describe, expect, it } from "vitest";
import { groupJobsByBatch } from "./group-jobs-by-batch";

const job = (id: string, batch?: string) => ({ id, batch: batch ? { id: batch } : null });

describe("folding batches", () => {
  it("puts a batch's jobs in one item where its newest job is, and leaves single jobs alone", () => {
    const items = groupJobsByBatch([job("a"), job("b1", "B"), job("c", "C"), job("d"), job("b2", "B")]);
    expect(items.map((i) => (i.type === "job" ? i.job.id : `${i.batchId}:${i.jobs.map((j) => j.id).join("+")}`))).toEqual(["a", "B:b1+b2", "c", "d"]);
  });
});
