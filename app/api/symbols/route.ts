import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { listSymbolsForViewer } from "@/lib/datasets/list-symbols-for-viewer";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user }) => Response.json({ symbols: await listSymbolsForViewer(getDatabase().db, user) }));
