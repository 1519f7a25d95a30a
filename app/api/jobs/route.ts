import { withSession } from "@/app/_server/with-session";
import { getQueue } from "@/lib/queue/get-queue";
import { jobListQuerySchema } from "@/lib/tasks/job-list-query";
import { listJobsForViewer } from "@/lib/tasks/list-jobs-for-viewer";

export const dynamic = "force-dynamic";

// Polled by the task center: answers 304 when nothing it would return has changed.
export const GET = withSession(
  async ({ request, user, query }) => {
    const { body, etag } = await listJobsForViewer(getQueue(), user, query);
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return Response.json(body, { headers });
  },
  { query: jobListQuerySchema },
);
