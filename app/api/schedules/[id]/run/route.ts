import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { getQueue } from "@/lib/queue/get-queue";
import { runScheduleNow } from "@/lib/schedules/run-schedule-now";

export const dynamic = "force-dynamic";

/** "Run now": 202 with the batch (and its job ids), enqueued at once as a manual fire. */
export const POST = withSession(async ({ user, params }) => Response.json(await runScheduleNow(getDatabase().db, getQueue(), user, params.id!), { status: 202 }), {
  rateLimit: { name: "schedules:run", limit: 30, windowMs: 60_000, message: (s) => `Too many runs. Try again in ${s} seconds.` },
});
