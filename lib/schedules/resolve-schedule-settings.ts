import { analysisRequestSchema } from "../analysis/analysis-request";
import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { normaliseSymbol } from "../datasets/parse/normalise-symbol";
import { ValidationError } from "../http/errors";
import type { ScheduleInput } from "./schedule-input";
import { scheduleOptions } from "./schedule-options";

/**
 * The settings a schedule input stands for, as stored: its symbols (a watchlist's, the user's own,
 * or the typed ones) and analysis options, checked with the same rules as a batch submitted by hand,
 * and its timetable.
 */
export async function resolveScheduleSettings(db: Db, user: Principal, input: ScheduleInput) {
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
    name: input.name,
    symbols: [...new Set(request.symbols.map(normaliseSymbol))],
    watchlistId: input.watchlistId ?? null,
    options: scheduleOptions(request),
    cron: input.cron,
    timeZone: input.timeZone,
    missedPolicy: input.missedPolicy,
  };
}
