import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./pg-timestamp";

/** What PostgreSQL prints for a timestamp(3) holding this instant: trailing zeros of the fraction cut. */
function pgText(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-30T14:00:52.120Z
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ""}`;
}

const viaDate = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

describe("parseTimestamp", () => {
  it("reads PostgreSQL's text form to the millisecond, as Date's parser does", () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const ms = Math.floor(from + Math.random() * (to - from));
      // Whole seconds and tenths too, where the fraction is short or missing.
      const instant = i % 3 === 0 ? ms - (ms % 1000) : i % 3 === 1 ? ms - (ms % 100) : ms;
      const text = pgText(instant);
      expect(parseTimestamp(text).getTime(), text).toBe(instant);
    }
  });

  it("drops digits beyond the millisecond as Date's parser does", () => {
    for (const text of ["2026-11-30 14:00:52.1239", "2026-11-30 14:00:52.123456", "2026-01-01 00:00:00.000001"]) {
      expect(parseTimestamp(text).getTime(), text).toBe(viaDate(text).getTime());
    }
  });

  it("leaves other forms to Date's parser", () => {
    for (const text of ["0099-06-01 12:00:00", "12026-11-30 14:00:52", "infinity", "2026-11-30 14:00:52.", "2026-11-30 14:0x:52"]) {
      const expected = viaDate(text).getTime();
      const got = parseTimestamp(text).getTime();
      expect(Number.isNaN(got) ? "NaN" : got, text).toBe(Number.isNaN(expected) ? "NaN" : expected);
    }
  });
});
