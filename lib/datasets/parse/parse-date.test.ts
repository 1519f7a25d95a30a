import { describe, expect, it } from "vitest";
import { daysFromCivil, detectDayOrder, MS_PER_DAY, parseDay } from "./parse-date";

function iso(text: string, order: "month-first" | "day-first" = "month-first"): string | null {
  const day = parseDay(text, order);
  return day === null ? null : new Date(day * MS_PER_DAY).toISOString();
}

describe("parseDay", () => {
  it.each([
    ["2024-01-02", "2024-01-02"],
    ["2024-1-2", "2024-01-02"],
    [" 2024-01-02 ", "2024-01-02"],
    ["2024-01-02T15:30:00Z", "2024-01-02"],
    ["2024-01-02 00:00:00-05:00", "2024-01-02"],
    ["2024-01-02 09:30", "2024-01-02"],
    ["20240102", "2024-01-02"],
    ["2024/01/02", "2024-01-02"],
    ["2024.1.2", "2024-01-02"],
    ["2024年1月2日", "2024-01-02"],
    ["01/02/2024", "2024-01-02"],
    ["1/2/2024", "2024-01-02"],
    ["Jan 1 2000", "2000-01-01"],
    ["Sept 30, 1999", "1999-09-30"],
    ["December 31 2010", "2010-12-31"],
    ["02-Jan-2024", "2024-01-02"],
    ["2 January 2024", "2024-01-02"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2024-12-31", "2024-12-31"],
  ])("%s is %s at UTC midnight", (text, day) => {
    expect(iso(text)).toBe(`${day}T00:00:00.000Z`);
  });

  it("reads year-last dates in the file's order", () => {
    expect(iso("03/04/2024", "month-first")).toBe("2024-03-04T00:00:00.000Z");
    expect(iso("03/04/2024", "day-first")).toBe("2024-04-03T00:00:00.000Z");
    expect(iso("13/04/2024", "month-first")).toBeNull();
  });

  it.each(["", "2024-13-01", "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-01-32", "2024-01-00", "2024-1a-01", "2024-01-0a", "2024-00-10", "20241301", "1700-01-01", "Foo 1 2000", "Janu 1 2000", "2024-01-02 garbage", "2024-01", "1/2/24", "1704153600", "yesterday"])("%j is not a date", (text) => {
    expect(parseDay(text, "month-first")).toBeNull();
  });
});

describe("daysFromCivil", () => {
  it("gives Date.UTC's day for every day from 1800 to 2200", () => {
    let checked = 0;
    for (let t = Date.UTC(1800, 0, 1); t <= Date.UTC(2200, 11, 31); t += MS_PER_DAY) {
      const d = new Date(t);
      const day = daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (day !== t / MS_PER_DAY) expect(day, d.toISOString()).toBe(t / MS_PER_DAY);
      checked++;
    }
    expect(checked).toBe(146_462);
  });
});

describe("detectDayOrder", () => {
  it("a first number above 12 means day-first, a second one month-first", () => {
    expect(detectDayOrder(["01/02/2024", "13/02/2024"])).toBe("day-first");
    expect(detectDayOrder(["01/02/2024", "02/13/2024"])).toBe("month-first");
  });

  it("without evidence: dotted dates are day-first, others month-first", () => {
    expect(detectDayOrder(["01.02.2024", "03.02.2024"])).toBe("day-first");
    expect(detectDayOrder(["01/02/2024", "03/02/2024"])).toBe("month-first");
    expect(detectDayOrder(["2024-01-02", "Jan 3 2024"])).toBe("month-first");
  });

  it("contradicting evidence falls back to the default", () => {
    expect(detectDayOrder(["13/01/2024", "01/13/2024"])).toBe("month-first");
  });
});
