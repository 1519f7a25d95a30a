import { z } from "zod";
import { JOB_STATUSES } from "../jobs";

const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

/** Query parameters of GET /api/jobs. */
export const jobListQuerySchema = z
  .object({
    status: csv(JOB_STATUSES).optional(),
    kind: z.string().trim().max(64).optional(),
    batch: z.string().trim().max(64).optional(),
    q: z.string().trim().max(200).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    mine: flag.optional(),
    /** Start of the viewer's day: "finished today" in the summary counts from here. */
    today: z.coerce.date().optional(),
    /** 0 leaves out the counts and the summary (they come with the first page only anyway). */
    counts: flag.optional(),
  })
  .strict()
  .transform((q) => ({
    status: q.status,
    kind: q.kind || undefined,
    batchId: q.batch || undefined,
    search: q.q || undefined,
    createdFrom: q.from,
    createdTo: q.to,
    cursor: q.cursor,
    limit: q.limit,
    mine: q.mine ?? false,
    today: q.today,
    withCounts: q.counts ?? true,
  }));
