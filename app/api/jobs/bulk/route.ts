import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";
import { applyBulkJobActionForViewer } from "@/lib/tasks/apply-bulk-job-action-for-viewer";
import { bulkJobActionSchema } from "@/lib/tasks/bulk-job-action";

export const dynamic = "force-dynamic";

// The task center's bulk cancel / retry / delete: 200 with a result per job.
export const POST = withSession(
  async ({ user, body }) => Response.json({ results: await applyBulkJobActionForViewer(getQueue(), user, body) }),
  { body: bulkJobActionSchema },
);
