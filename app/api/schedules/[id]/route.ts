import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { getQueue } from "@/lib/queue/get-queue";
import { deleteSchedule } from "@/lib/schedules/delete-schedule";
import { getSchedule } from "@/lib/schedules/get-schedule";
import { scheduleInputSchema } from "@/lib/schedules/schedule-input";
import { updateSchedule } from "@/lib/schedules/update-schedule";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user, params }) => Response.json(await getSchedule(getDatabase().db, getQueue(), user, params.id!)));

export const PUT = withSession(async ({ user, params, body }) => Response.json(await updateSchedule(getDatabase().db, getQueue(), user, params.id!, body)), {
  body: scheduleInputSchema,
  rateLimit: { name: "schedules:save", limit: 60, windowMs: 60_000 },
});

export const DELETE = withSession(async ({ user, params }) => {
  await deleteSchedule(getDatabase().db, user, params.id!);
  return new Response(null, { status: 204 });
});
