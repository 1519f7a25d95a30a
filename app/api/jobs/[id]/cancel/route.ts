import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";
import { cancelJobForViewer } from "@/lib/tasks/cancel-job-for-viewer";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ user, params }) => {
  const { outcome, job } = await cancelJobForViewer(getQueue(), user, params.id!);
  // A running job stops on its worker shortly after: 202 until then.
  return Response.json(job, { status: outcome === "cancel-requested" ? 202 : 200 });
});
