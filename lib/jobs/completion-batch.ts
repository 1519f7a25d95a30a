import type { Completion } from "./dialects/dialect";

/** Most jobs recorded by one statement. */
const MAX_BATCH = 1_000;

interface Pending extends Completion {
  resolve(held: boolean): void;
  reject(err: unknown): void;
}

/**
 * Records finished jobs together: those that finish in the same event-loop turn (or while the
 * previous batch is being written) go to the database in one transaction. `add` resolves once its
 * job is recorded: true if it was, false if the worker no longer held the job.
 */
export class CompletionBatch {
  private pending: Pending[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private readonly record: (jobs: Completion[]) => Promise<Set<string>>) {}

  add(jobId: string, attempt: number, result: unknown): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ jobId, attempt, result, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writing = true;
      void this.write().finally(() => {
        this.writing = false;
        this.schedule();
      });
    });
  }

  private async write(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    try {
      const held = await this.record(batch.map(({ jobId, attempt, result }) => ({ jobId, attempt, result })));
      for (const p of batch) p.resolve(held.has(p.jobId));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
