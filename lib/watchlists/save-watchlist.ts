import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { normaliseSymbol } from "../datasets/parse/normalise-symbol";
import { watchlistView } from "./watchlist-view";
import type { WatchlistInput } from "./watchlist-schema";

/** Saves a named set of symbols; saving under an existing name replaces its symbols. */
export async function saveWatchlist(db: Db, user: Principal, input: WatchlistInput) {
  const symbols = [...new Set(input.symbols.map(normaliseSymbol))];
  const now = new Date();
  const saved = await db.watchlist.upsert({
    where: { ownerId_name: { ownerId: user.id, name: input.name } },
    create: { ownerId: user.id, name: input.name, symbols, createdAt: now, updatedAt: now },
    update: { symbols, updatedAt: now },
  });
  return watchlistView(saved);
}
