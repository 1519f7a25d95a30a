import { z } from "zod";
import { MAX_PAGE } from "../jobs/ops/list-jobs";

export const JOB_ACTIONS = ["cancel", "retry", "delete"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Body of POST /api/jobs/bulk: one action on up to a page of jobs. */
export const bulkJobActionSchema = z
  .object({
  action: z.enum(JOB_ACTIONS),
  ids: z
    .array(z.string().min(1).max(64))
    .min(1, "Select at least one job.")
    .max(MAX_PAGE, `Select at most ${MAX_PAGE} jobs at a time.`)
    .transform((ids) => [...new Set(ids)]),
  })
  .strict();

export type BulkJobAction = z.output<typeof bulkJobActionSchema>;
