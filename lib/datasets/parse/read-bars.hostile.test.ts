/*
 * The CSV reader under hostile files (lib/datasets/parse/hostile-files.ts): each one ends, in
 * bounded time, with a report or a DatasetFormatError. The import job on the same files:
 * lib/datasets/import-fuzz.db.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-format-error";
import { hostileFile, REAL_FILES, VEGA_DIR, within } from "./hostile-files";
import { readBars } from "./read-bars";
import { chunked } from "./test-support";

describe("the CSV reader on hostile files", () => {
  it("reads every real vega-datasets CSV, whole, to a report or a format error", async () => {
    for (const { name } of REAL_FILES) {
      const reader = readBars(fs.createReadStream(path.join(VEGA_DIR, name)), {});
      const outcome = await within(20_000, name, drain(reader).then(() => reader.report, (err: unknown) => ({ err })));
      if ("err" in outcome) expect(outcome.err, name).toBeInstanceOf(DatasetFormatError);
      else expect(outcome.imported + outcome.rejected, name).toBe(outcome.rowsRead);
    }
  });

  it("ends every random or damaged file, in any chunking, with a report or a DatasetFormatError", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fc.integer({ min: 1, max: 4096 }), async (bytes, chunkSize) => {
        const reader = readBars(chunked(bytes, chunkSize), { symbol: "X" });
        try {
          await within(5_000, "reading", drain(reader));
          expect(reader.report.imported + reader.report.rejected).toBe(reader.report.rowsRead);
        } catch (err) {
          if (!(err instanceof DatasetFormatError)) throw err;
          expect(err.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

async function drain(reader: AsyncIterable<unknown>) {
  for await (const batch of reader) void batch;
}

