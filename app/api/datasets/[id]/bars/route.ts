import { z } from "zod";
import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { getBarsForViewer } from "@/lib/datasets/get-bars-for-viewer";

export const dynamic = "force-dynamic";

const query = z.object({ symbol: z.string().trim().min(1).max(40) }).strict();

export const GET = withSession(
  async ({ user, params, query }) => Response.json(await getBarsForViewer(getDatabase().db, user, params.id!, query.symbol)),
  { query },
);
