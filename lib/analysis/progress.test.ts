import { describe, expect, it } from "vitest";
import { progressTracker } from "./progress";

describe("progressTracker", () => {
  it("maps each stage's fraction onto its share of the whole and reports only changes", () => {
    const events: [number, string][] = [];
    const tracker = progressTracker({ load: 1, skipped: 0, compute: 3 }, (percent, label) => events.push([percent, label]));
    const load = tracker.stage("load");
    load(0, "Load");
    load(0.5, "Load");
    load(0.501, "Load"); // still 12 %
    const compute = tracker.stage("compute");
    compute(0, "Compute");
    compute(0.5, "Compute");
    compute(2, "Compute"); // clamped to the end of the stage
    tracker.finish("Done");
    expect(events).toEqual([
      [0, "Load"],
      [12, "Load"],
      [25, "Compute"],
      [62, "Compute"],
      [100, "Compute"],
      [100, "Done"],
    ]);
  });

  it("never goes backwards", () => {
    const percents: number[] = [];
    const tracker = progressTracker({ a: 1, b: 1 }, (percent) => percents.push(percent));
    tracker.stage("b")(0.5, "B");
    tracker.stage("a")(0.5, "A");
    expect(percents).toEqual([75, 75]);
  });
});
