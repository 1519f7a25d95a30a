import { z } from "zod";
import { MAX_SYMBOL_LENGTH } from "../analysis/parse-symbol-list";

export const MAX_WATCHLIST_SYMBOLS = 500;

export const watchlistSchema = z
  .object({
    name: z.string().trim().min(1, "Name the watchlist").max(80, "A watchlist name has at most 80 characters"),
    symbols: z
      .array(z.string().trim().min(1).max(MAX_SYMBOL_LENGTH))
      .min(1, "A watchlist needs at least one symbol")
      .max(MAX_WATCHLIST_SYMBOLS, `A watchlist has at most ${MAX_WATCHLIST_SYMBOLS} symbols`),
  })
  .strict();

export type WatchlistInput = z.output<typeof watchlistSchema>;
