import { withSession } from "@/app/_server/with-session";
import { errorResponse } from "@/lib/http/errors";
import { metricsTokenMatches, renderMetrics } from "@/lib/queue/render-metrics";

export const dynamic = "force-dynamic";

const forAdmins = withSession(async () => metricsResponse(), { admin: true });

// Prometheus scrape endpoint: a bearer METRICS_TOKEN, or an admin's session.
export async function GET(request: Request, context: { params: Promise<Record<string, string>> }) {
  if (!metricsTokenMatches(request.headers.get("authorization"))) return forAdmins(request, context);
  try {
    return await metricsResponse();
  } catch (err) {
    return errorResponse(err);
  }
}

async function metricsResponse() {
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
