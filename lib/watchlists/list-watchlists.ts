import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { watchlistView } from "./watchlist-view";

export async function listWatchlists(db: Db, user: Principal) {
  const rows = await db.watchlist.findMany({ where: { ownerId: user.id }, orderBy: { name: "asc" } });
  return { watchlists: rows.map(watchlistView) };
}
