import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { deleteWatchlist } from "@/lib/watchlists/delete-watchlist";

export const dynamic = "force-dynamic";

export const DELETE = withSession(async ({ user, params }) => {
  await deleteWatchlist(getDatabase().db, user, params.id!);
  return new Response(null, { status: 204 });
});
