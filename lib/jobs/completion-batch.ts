import type { Completion } from "./dialects/dialect";

/** Most jobs recorded by one statement. */
const MAX_BATCH = 1_000;
/** Most batches written at once once the worker is idle; while it runs jobs, one at a time. */
const MAX_WRITING_IDLE = 2;

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
  private writing = 0;

  /**
   * `idle`: whether the worker has no job running or waiting for a slot. While it has, a second
   * batch written beside the first competed with it and with the claims for the same pages and
   * for the CPU (bench/registry); once it has none, what is left goes out on two connections.
   */
  constructor(
    private readonly record: (jobs: Completion[]) => Promise<Set<string>>,
    private readonly idle: () => boolean = () => false,
  ) {}

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
    if (this.scheduled || !this.mayWrite()) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.mayWrite()) return;
      this.writing++;
      void this.write().finally(() => {
        this.writing--;
        this.schedule();
      });
      this.schedule();
    });
  }

  private mayWrite(): boolean {
    return this.pending.length > 0 && (this.writing === 0 || (this.writing < MAX_WRITING_IDLE && this.idle()));
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
