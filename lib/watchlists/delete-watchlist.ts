import type { Principal } from "../auth/permissions";
import type { Db } from "../db/client";
import { NotFoundError } from "../http/errors";

export async function deleteWatchlist(db: Db, user: Principal, id: string): Promise<void> {
  const { count } = await db.watchlist.deleteMany({ where: { id, ownerId: user.id } });
  if (count === 0) throw new NotFoundError("No such watchlist");
}
