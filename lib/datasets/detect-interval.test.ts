import { describe, expect, it } from "vitest";
import { detectInterval } from "./detect-interval";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function series(start: string, stepDays: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => day(start).getTime() + i * stepDays * 86_400_000);
}

describe("detectInterval", () => {
  it("trading days with weekends and holidays are daily", () => {
    const weekdays = series("2024-01-01", 1, 60).filter((t) => ![0, 6].includes(new Date(t).getUTCDay()));
    expect(detectInterval(weekdays)).toBe("daily");
    expect(detectInterval([day("2024-01-02"), day("2024-01-05"), day("2024-01-09")])).toBe("daily");
  });

  it("weekly and monthly bars", () => {
    expect(detectInterval(series("2024-01-05", 7, 20))).toBe("weekly");
    expect(detectInterval(["2024-01-31", "2024-02-29", "2024-03-28", "2024-04-30", "2024-05-31"].map(day))).toBe("monthly");
  });

  it("uses the median gap, so a few holes do not change the answer", () => {
    expect(detectInterval([...series("2024-01-01", 1, 10), ...series("2024-06-01", 1, 10)])).toBe("daily");
  });

  it("unsorted and repeated dates are sorted and counted once", () => {
    const weekly = series("2024-01-05", 7, 10);
    expect(detectInterval([...weekly, ...weekly].reverse())).toBe("weekly");
  });

  it("gaps between the ranges, quarterly bars, and too few dates are irregular", () => {
    expect(detectInterval(series("2024-01-01", 15, 10))).toBe("irregular");
    expect(detectInterval(series("2024-01-01", 91, 10))).toBe("irregular");
    expect(detectInterval([day("2024-01-01")])).toBe("irregular");
    expect(detectInterval([day("2024-01-01"), day("2024-01-01")])).toBe("irregular");
    expect(detectInterval([])).toBe("irregular");
  });

  it("boundaries: 4 days daily, 5 and 10 weekly, 25 and 35 monthly", () => {
    expect(detectInterval(series("2024-01-01", 4, 5))).toBe("daily");
    expect(detectInterval(series("2024-01-01", 5, 5))).toBe("weekly");
    expect(detectInterval(series("2024-01-01", 10, 5))).toBe("weekly");
    expect(detectInterval(series("2024-01-01", 11, 5))).toBe("irregular");
    expect(detectInterval(series("2024-01-01", 25, 5))).toBe("monthly");
    expect(detectInterval(series("2024-01-01", 35, 5))).toBe("monthly");
    expect(detectInterval(series("2024-01-01", 36, 5))).toBe("irregular");
  });
});
