import { describe, expect, it } from "vitest";
import { CompletionBatch } from "./completion-batch";
import type { Completion } from "./dialects/dialect";

/** Lets `n` turns of the event loop go by: a batch goes out, or its writer is freed, in the next. */
async function turns(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A CompletionBatch whose writes take until the test releases them; `writes` holds each one's size. */
function heldWrites(idle: () => boolean) {
  const writes: number[] = [];
  const release: (() => void)[] = [];
  const batch = new CompletionBatch((jobs: Completion[]) => {
    writes.push(jobs.length);
    return new Promise<Set<string>>((resolve) => release.push(() => resolve(new Set(jobs.map((j) => j.jobId)))));
  }, idle);
  return { add: (id: string) => batch.add(id, 1, null), writes, release };
}

describe("CompletionBatch", () => {
  it("writes the jobs of one turn together, one batch at a time while the worker runs jobs", async () => {
    const { add, writes, release } = heldWrites(() => false);
    const first = [add("a"), add("b")];
    await turns(1);
    const second = [add("c"), add("d"), add("e")];
    await turns(2);
    expect(writes).toEqual([2]);
    release[0]!();
    expect(await first[1]).toEqual(new Set(["a", "b"]));
    await turns(2);
    expect(writes).toEqual([2, 3]);
    release[1]!();
    expect(await second[0]).toEqual(new Set(["c", "d", "e"]));
  });

  it("writes a second batch beside the first once the worker is idle", async () => {
    let idle = false;
    const { add, writes } = heldWrites(() => idle);
    add("a");
    await turns(1);
    add("b");
    await turns(2);
    expect(writes).toEqual([1]);
    idle = true;
    add("c");
    await turns(2);
    expect(writes).toEqual([1, 2]);
  });
});
