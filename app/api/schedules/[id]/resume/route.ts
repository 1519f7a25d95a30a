import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { resumeSchedule } from "@/lib/schedules/resume-schedule";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ user, params }) => Response.json(await resumeSchedule(getDatabase().db, user, params.id!)));
