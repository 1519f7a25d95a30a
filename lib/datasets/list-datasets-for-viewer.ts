import type { Db } from "../db/client";
import { isAdmin, type Principal } from "../auth/permissions";
import { datasetView } from "./dataset-view";
import { importJobsOf } from "./import-jobs-of";

const MAX_DATASETS = 500;

/** The viewer's datasets and the shared samples (admins: everyone's), newest first. */
export async function listDatasetsForViewer(db: Db, viewer: Principal) {
  const datasets = await db.dataset.findMany({
    where: isAdmin(viewer) ? {} : { OR: [{ ownerId: viewer.id }, { ownerId: null }] },
    include: { symbols: { orderBy: { symbol: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_DATASETS,
  });
  const jobs = await importJobsOf(db, datasets.map((d) => d.jobId));
  return { datasets: datasets.map((d) => datasetView(viewer, d, d.jobId ? (jobs.get(d.jobId) ?? null) : null)) };
}
