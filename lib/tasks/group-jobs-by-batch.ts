export type JobListItem<J> = { type: "job"; job: J } | { type: "batch"; batchId: string; jobs: J[] };

/**
 * Folds the jobs of a batch into one item where its first (newest) job is, when two or more of
 * them are in the list; other jobs stay single items, in their order.
 */
export function groupJobsByBatch<J extends { batch: { id: string } | null }>(jobs: J[]): JobListItem<J>[] {
  const perBatch = new Map<string, J[]>();
  for (const job of jobs) if (job.batch) perBatch.set(job.batch.id, [...(perBatch.get(job.batch.id) ?? []), job]);
  const items: JobListItem<J>[] = [];
  const placed = new Set<string>();
  for (const job of jobs) {
    const members = job.batch ? perBatch.get(job.batch.id)! : [];
    if (!job.batch || members.length < 2) items.push({ type: "job", job });
    else if (!placed.has(job.batch.id)) {
      placed.add(job.batch.id);
      items.push({ type: "batch", batchId: job.batch.id, jobs: members });
    }
  }
  return items;
}
