import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { analysisRequestSchema } from "@/lib/analysis/analysis-request";
import { submitAnalyses } from "@/lib/analysis/submit-analyses";
import { getQueue } from "@/lib/queue/get-queue";

export const dynamic = "force-dynamic";

/** One symbol or a batch of up to 500: 202 with the batch and job ids, at once. */
export const POST = withSession(
  async ({ user, body }) => {
    const { batchId, jobIds, existing } = await submitAnalyses(getDatabase().db, getQueue(), user, body);
    return Response.json({ batchId, jobIds, existing }, { status: existing ? 200 : 202 });
  },
  {
    body: analysisRequestSchema,
    rateLimit: { name: "analyses:submit", limit: 60, windowMs: 60_000, message: (s) => `Too many submissions. Try again in ${s} seconds.` },
  },
);
