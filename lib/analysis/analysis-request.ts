import { z } from "zod";
import { MAX_SYMBOL_LENGTH } from "./parse-symbol-list";

export const MAX_BATCH = 500;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2020-01-31");

/** What `POST /api/analyses` takes: one symbol or a batch, and the options every job of it shares. */
export const analysisRequestSchema = z
  .object({
    symbols: z
      .array(z.string().trim().min(1).max(MAX_SYMBOL_LENGTH, `A symbol has at most ${MAX_SYMBOL_LENGTH} characters`))
      .min(1, "Enter at least one symbol")
      .max(MAX_BATCH, `A batch has at most ${MAX_BATCH} symbols; split it into several batches`),
    title: z.string().trim().max(120, "A title has at most 120 characters").optional(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
    depth: z.number().int().min(1).max(5).default(2),
    analysts: z
      .array(z.enum(["technical", "risk", "backtest"]))
      .min(1, "Choose at least one analyst")
      .default(["technical", "risk", "backtest"]),
    language: z.enum(["zh", "en"]).default("en"),
    benchmarkSymbol: z.string().trim().max(MAX_SYMBOL_LENGTH).nullish(),
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "The start date is after the end date", path: ["to"] });

export type AnalysisRequest = z.output<typeof analysisRequestSchema>;
