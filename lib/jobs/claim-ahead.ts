/** Most jobs a worker claims beyond its free slots (graphile-worker's default local queue is 500). */
const MAX_AHEAD = 500;
/** Weight of the newest sample in the running means. */
const SMOOTHING = 0.1;

export interface ClaimedBatch {
  /** Jobs the claim asked for and got. */
  requested: number;
  claimed: number;
  /** From sending the claim (the jobs' recorded start) to the last of them reaching its handler. */
  maxLagMs: number;
}

/**
 * How many jobs a worker claims beyond its free slots, so that very short jobs are claimed many at
 * a time instead of one committing claim per handful. A claimed job is recorded `running` when the
 * claim is sent; one claimed ahead waits for a slot first, and that lag is what this keeps near
 * `budgetMs`, measured on every claim. The window doubles while claims come back full and their
 * last job reached its handler within half the budget, and halves when one took longer than the
 * budget; it never exceeds what the slots get through in the budget at the mean handler time.
 * Jobs whose handlers take longer than that are never claimed ahead: the window stays 0.
 */
export class ClaimAhead {
  private window = 0;
  private meanHandlerMs: number | null = null;

  constructor(
    private readonly concurrency: number,
    private readonly budgetMs: number,
  ) {}

  /** Jobs to claim beyond the free slots now. */
  size(): number {
    return this.window;
  }

  /** A handler held its slot for `ms`. */
  handlerRan(ms: number): void {
    this.meanHandlerMs = mean(this.meanHandlerMs, ms);
  }

  /** Every job of a claim has reached its handler (or left without running). */
  batchStarted({ requested, claimed, maxLagMs }: ClaimedBatch): void {
    if (this.budgetMs <= 0 || this.meanHandlerMs === null) return;
    if (maxLagMs > this.budgetMs) this.window = Math.floor(this.window / 2);
    else if (claimed >= requested && maxLagMs <= this.budgetMs / 2) this.window = Math.max(this.window * 2, this.concurrency);
    const fits = Math.floor((this.budgetMs * this.concurrency) / Math.max(this.meanHandlerMs, 0.001)) - this.concurrency;
    this.window = Math.max(0, Math.min(this.window, fits, MAX_AHEAD));
  }
}

function mean(current: number | null, sample: number): number {
  return current === null ? sample : current + SMOOTHING * (sample - current);
}
