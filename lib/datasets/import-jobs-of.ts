import type { Db } from "../db/client";
import type { ImportJobState } from "./dataset-view";

/** The import jobs of some datasets, by job id, in one query. */
export async function importJobsOf(db: Db, jobIds: (string | null)[]): Promise<Map<string, ImportJobState>> {
  const ids = jobIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const jobs = await db.job.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, progress: true, progressLabel: true, errorMessage: true },
  });
  return new Map(jobs.map((j) => [j.id, j]));
}
