import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { uploadDataset } from "@/lib/datasets/upload-dataset";
import { listDatasetsForViewer } from "@/lib/datasets/list-datasets-for-viewer";
import { getQueue } from "@/lib/queue/get-queue";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user }) => Response.json(await listDatasetsForViewer(getDatabase().db, user)));

/** Streams the multipart upload to disk, records the dataset and its import job: 202 with both ids. */
export const POST = withSession(
  async ({ request, user }) => Response.json(await uploadDataset(getDatabase().db, getQueue(), user, request), { status: 202 }),
  { rateLimit: { name: "datasets:upload", limit: 30, windowMs: 60 * 60_000, message: (s) => `Upload limit reached (30 files an hour). Try again in ${Math.ceil(s / 60)} minutes.` } },
);
