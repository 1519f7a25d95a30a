import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";
import { retryJobForViewer } from "@/lib/tasks/retry-job-for-viewer";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ user, params }) =>
  Response.json(await retryJobForViewer(getQueue(), user, params.id!), { status: 202 }),
);
