import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { pauseSchedule } from "@/lib/schedules/pause-schedule";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ user, params }) => Response.json(await pauseSchedule(getDatabase().db, user, params.id!)));
