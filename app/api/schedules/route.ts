import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { getQueue } from "@/lib/queue/get-queue";
import { createSchedule } from "@/lib/schedules/create-schedule";
import { listSchedules } from "@/lib/schedules/list-schedules";
import { scheduleInputSchema } from "@/lib/schedules/schedule-input";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user }) => Response.json(await listSchedules(getDatabase().db, getQueue(), user)));

export const POST = withSession(async ({ user, body }) => Response.json(await createSchedule(getDatabase().db, getQueue(), user, body), { status: 201 }), {
  body: scheduleInputSchema,
  rateLimit: { name: "schedules:save", limit: 60, windowMs: 60_000 },
});
