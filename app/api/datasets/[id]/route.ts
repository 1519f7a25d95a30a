import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { deleteDatasetForViewer } from "@/lib/datasets/delete-dataset-for-viewer";
import { getDatasetForViewer } from "@/lib/datasets/get-dataset-for-viewer";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user, params }) => Response.json(await getDatasetForViewer(getDatabase().db, user, params.id!)));

export const DELETE = withSession(async ({ user, params }) => {
  await deleteDatasetForViewer(getDatabase().db, user, params.id!);
  return new Response(null, { status: 204 });
});
