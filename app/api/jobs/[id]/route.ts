import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";
import { deleteJobForViewer } from "@/lib/tasks/delete-job-for-viewer";
import { getJobForViewer } from "@/lib/tasks/get-job-for-viewer";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user, params }) =>
  Response.json(await getJobForViewer(getQueue(), user, params.id!)),
);

export const DELETE = withSession(async ({ user, params }) => {
  await deleteJobForViewer(getQueue(), user, params.id!);
  return new Response(null, { status: 204 });
});
