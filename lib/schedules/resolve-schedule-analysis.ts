import { analysisRequestSchema } from "../analysis/analysis-request";
import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { normaliseSymbol } from "../datasets/parse/normalise-symbol";
import { ValidationError } from "../http/errors";
import type { ScheduleInput } from "./schedule-input";
import { scheduleOptions } from "./schedule-options";

/**
 * The symbols and analysis options a schedule input stands for: a watchlist's symbols (the user's
 * own) or the typed ones, checked with the same rules as a batch submitted by hand.
 */
export async function resolveScheduleAnalysis(db: Db, user: Principal, input: ScheduleInput) {
  let symbols = input.symbols ?? [];
  if (input.watchlistId) {
    const watchlist = await db.watchlist.findFirst({ where: { id: input.watchlistId, ownerId: user.id } });
    if (!watchlist) throw new ValidationError("That watchlist does not exist (any more).", [{ path: "watchlistId", message: "Choose one of your watchlists" }]);
    symbols = watchlist.symbols as string[];
  }
  const request = analysisRequestSchema.parse({
    symbols,
    from: input.from,
    to: input.to,
    depth: input.depth,
    analysts: input.analysts,
    language: input.language,
    benchmarkSymbol: input.benchmarkSymbol,
  });
  return {
    symbols: [...new Set(request.symbols.map(normaliseSymbol))],
    watchlistId: input.watchlistId ?? null,
    options: scheduleOptions(request),
  };
}
