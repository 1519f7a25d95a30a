import { describe, expect, it } from "vitest";
import { cronProblem } from "./cron-problem";
import { describeCron } from "./describe-cron";

describe("describeCron", () => {
  it.each([
    ["0 9 * * *", "Every day at 09:00"],
    ["30 9 * * 1-5", "Weekdays (Monday–Friday) at 09:30"],
    ["0 9 * * MON-FRI", "Weekdays (Monday–Friday) at 09:00"],
    ["0 10 * * 0,6", "Weekends at 10:00"],
    ["15 8 * * 1,3", "Every Monday and Wednesday at 08:15"],
    ["0 18 * * 5", "Every Friday at 18:00"],
    ["0 7 * * 1-7", "Every day at 07:00"],
    ["0 9,15 * * *", "Every day at 09:00 and 15:00"],
    ["0 6 1 * *", "On day 1 of every month at 06:00"],
    ["0 6 L * *", "On the last day of every month at 06:00"],
    ["*/15 * * * *", "Every 15 minutes"],
    ["* * * * *", "Every minute"],
    ["0 * * * *", "Every hour, on the hour"],
    ["5 */4 * * *", "Every 4 hours at minute 5"],
    ["@daily", "Every day at 00:00"],
  ])("%s → %s", (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });

  it.each(["0 9 * 1 *", "0 9 1 * 1", "0 9-17/2 * * *", "0 9 * * FRI#2", "nonsense"])("leaves %s to the fire times (null)", (cron) => {
    expect(describeCron(cron)).toBeNull();
  });
});

describe("cronProblem: invalid expressions explained in words", () => {
  it.each([
    ["0 25 * * *", "The hour field must be 0–23."],
    ["61 9 * * *", "The minute field must be 0–59."],
    ["0 9 32 * *", "The day-of-month field must be 1–31 (or L for the last day)."],
    ["0 9 * 13 *", "The month field must be 1–12 or JAN–DEC."],
    ["0 9 * * 8", "The day-of-week field must be 0–7 (0 and 7 are Sunday) or SUN–SAT."],
    ["0 9 * * 5-1", "The range “5-1” runs backwards: write the smaller value first."],
    ["0 9 x * *", expect.stringMatching(/^The day-of-month field “x” has characters cron does not understand/)],
    ["*/0 9 * * *", expect.stringMatching(/^A step \(the number after “\/”\)/)],
    ["0 9 * * SUNDAY", "Write day and month names with three letters, like MON or JAN (not “SUNDAY”)."],
    ["0 9 * *", expect.stringMatching(/^A cron expression has five fields/)],
    ["0 0 9 * * *", expect.stringMatching(/^A cron expression has five fields/)],
    ["0 0 30 2 *", "This expression never fires (e.g. 30 February). Check the day and month fields."],
    ["", expect.stringMatching(/^Enter a cron expression/)],
  ])("%j", (cron, words) => {
    expect(cronProblem(cron, "Europe/Berlin")).toEqual(words);
  });

  it("accepts five fields and nicknames", () => {
    for (const cron of ["0 9 * * 1-5", "*/5 * * * *", "0 9 L * *", "@weekly"]) expect(cronProblem(cron, "America/New_York")).toBeNull();
  });
});
