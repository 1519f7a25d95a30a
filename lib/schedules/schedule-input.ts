import { z } from "zod";
import { analysisRequestSchema } from "../analysis/analysis-request";
import { cronProblem } from "./cron-problem";
import { isTimeZone } from "./is-time-zone";

export const MISSED_POLICIES = ["skip", "run_once"] as const;
export type MissedPolicy = (typeof MISSED_POLICIES)[number];

const analysis = analysisRequestSchema.shape;

/**
 * What creating or editing a schedule takes. The symbols come typed, or from one of the user's
 * watchlists (`watchlistId`, whose symbols win); the analysis fields and the symbols are checked
 * by analysisRequestSchema itself once the symbols are known (createSchedule/updateSchedule).
 */
export const scheduleInputSchema = z
  .object({
    name: z.string().trim().min(1, "Name the schedule").max(80, "A schedule name has at most 80 characters"),
    watchlistId: z.string().trim().min(1).max(64).nullish(),
    symbols: analysis.symbols.optional(),
    from: analysis.from,
    to: analysis.to,
    depth: analysis.depth,
    analysts: analysis.analysts,
    language: analysis.language,
    benchmarkSymbol: analysis.benchmarkSymbol,
    cron: z.string().trim().max(120, "A cron expression has at most 120 characters"),
    timeZone: z.string().trim().refine(isTimeZone, "Unknown time zone: use a name like Europe/Berlin, America/New_York or UTC"),
    missedPolicy: z.enum(MISSED_POLICIES, "Choose what to do about missed runs: skip or run_once").default("skip"),
  })
  .strict()
  .superRefine((input, ctx) => {
    const problem = cronProblem(input.cron, input.timeZone);
    if (problem) ctx.addIssue({ code: "custom", path: ["cron"], message: problem });
    if (!input.watchlistId && !input.symbols?.length) ctx.addIssue({ code: "custom", path: ["symbols"], message: "Enter symbols or choose a watchlist" });
  });

export type ScheduleInput = z.output<typeof scheduleInputSchema>;
