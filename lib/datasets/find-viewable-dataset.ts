import type { Db } from "../db/client";
import { canViewDataset, type Principal } from "../auth/permissions";
import { NotFoundError } from "../http/errors";

/** The dataset if the viewer may see it; another user's dataset is "not found", never "forbidden". */
export async function findViewableDataset(db: Db, viewer: Principal, datasetId: string) {
  const dataset = await db.dataset.findUnique({ where: { id: datasetId }, include: { symbols: { orderBy: { symbol: "asc" } } } });
  if (!dataset || !canViewDataset(viewer, dataset)) throw new NotFoundError("No such dataset");
  return dataset;
}
