import { withSession } from "@/app/_server/with-session";
import { getDatabase } from "@/lib/db/client";
import { listWatchlists } from "@/lib/watchlists/list-watchlists";
import { saveWatchlist } from "@/lib/watchlists/save-watchlist";
import { watchlistSchema } from "@/lib/watchlists/watchlist-schema";

export const dynamic = "force-dynamic";

export const GET = withSession(async ({ user }) => Response.json(await listWatchlists(getDatabase().db, user)));

export const POST = withSession(async ({ user, body }) => Response.json(await saveWatchlist(getDatabase().db, user, body), { status: 201 }), {
  body: watchlistSchema,
  rateLimit: { name: "watchlists:save", limit: 60, windowMs: 60_000 },
});
