import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Schedule, ScheduleFire } from "../db/generated/sqlite";
import { listSymbolsForViewer } from "../datasets/list-symbols-for-viewer";
import type { JobQueue } from "../jobs";
import { scheduleView, type ScheduleView } from "./schedule-view";

/** Views of the user's schedules with their fires: each fire's batch outcome, watchlist names, symbols without data. */
export async function scheduleViews(db: Db, queue: JobQueue, user: Principal, rows: (Schedule & { fires: ScheduleFire[] })[], now: Date): Promise<ScheduleView[]> {
  if (rows.length === 0) return [];
  const batchIds = rows.flatMap((r) => r.fires.map((f) => f.batchId)).filter((id): id is string => id !== null);
  const watchlistIds = rows.map((r) => r.watchlistId).filter((id): id is string => id !== null);
  const [batches, watchlists, symbols] = await Promise.all([
    queue.batchCounts(batchIds, user.id),
    watchlistIds.length ? db.watchlist.findMany({ where: { id: { in: watchlistIds }, ownerId: user.id }, select: { id: true, name: true } }) : [],
    listSymbolsForViewer(db, user),
  ]);
  const extras = {
    now,
    batches: new Map(batches.map((b) => [b.id, b])),
    watchlistNames: new Map(watchlists.map((w) => [w.id, w.name])),
    available: new Set(symbols.map((s) => s.symbol)),
  };
  return rows.map((r) => scheduleView(r, extras));
}
