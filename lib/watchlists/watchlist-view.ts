import type { Watchlist } from "../db/generated/sqlite";

export function watchlistView(w: Watchlist) {
  return { id: w.id, name: w.name, symbols: w.symbols as string[], updatedAt: w.updatedAt.toISOString() };
}

export type WatchlistView = ReturnType<typeof watchlistView>;
