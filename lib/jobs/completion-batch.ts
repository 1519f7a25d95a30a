import type { Completion } from "./dialects/dialect";

/** Most jobs recorded by one statement. */
const MAX_BATCH = 1_000;

interface Batch {
  jobs: Completion[];
  /** Settles with the jobs the worker still held, once the batch is written. */
  written: Promise<Set<string>>;
  resolve(held: Set<string>): void;
  reject(err: unknown): void;
}

/**
 * Records finished jobs together: those that finish in the same event-loop turn (or while the
 * previous batch is being written) go to the database in one transaction. `add` returns its batch's
 * promise, shared by the batch's jobs (not one per job: with very short jobs, those were a
 * measurable part of a worker's time), which resolves once they are recorded, with the ones the
 * worker still held.
 */
export class CompletionBatch {
  /** Batches waiting to be written, oldest first; the last one may still take jobs. */
  private readonly pending: Batch[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private readonly record: (jobs: Completion[]) => Promise<Set<string>>) {}

  add(jobId: string, attempt: number, result: unknown): Promise<Set<string>> {
    const last = this.pending[this.pending.length - 1];
    const batch = last && last.jobs.length < MAX_BATCH ? last : this.open();
    batch.jobs.push({ jobId, attempt, result });
    this.schedule();
    return batch.written;
  }

  private open(): Batch {
    let resolve!: Batch["resolve"];
    let reject!: Batch["reject"];
    const written = new Promise<Set<string>>((res, rej) => ((resolve = res), (reject = rej)));
    const batch = { jobs: [], written, resolve, reject };
    this.pending.push(batch);
    return batch;
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
    const batch = this.pending.shift()!;
    try {
      batch.resolve(await this.record(batch.jobs));
    } catch (err) {
      batch.reject(err);
    }
  }
}
