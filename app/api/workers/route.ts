import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";

export const dynamic = "force-dynamic";

// Admins: the worker processes alive now, with the jobs each is running.
export const GET = withSession(async () => Response.json({ workers: await getQueue().liveWorkers() }), { admin: true });
