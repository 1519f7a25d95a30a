/**
 * Most jobs a worker claims beyond its free slots. Every claim and every batch of completions is a
 * statement with a cost of its own besides its rows: with no-op jobs, claims of up to 1,000 ran
 * more jobs per second than claims of up to 500 (bench/registry).
 */
const MAX_AHEAD = 1_000;
/** Weight of the newest sample in the running means. */
const SMOOTHING = 0.1;

export interface FinishedClaim {
  /** Jobs the claim asked for and got. */
  requested: number;
  claimed: number;
  /** From sending the claim (the jobs' recorded start) to the last of them reaching its handler. */
  maxLagMs: number;
  /** The longest any of them held a slot. */
  maxHandlerMs: number;
}

/**
 * How many jobs a worker claims beyond its free slots, so that very short jobs are claimed many at
 * a time instead of one committing claim per handful. A claimed job is recorded `running` when the
 * claim is sent; one claimed ahead waits for a slot first, and that lag is what this keeps near
 * `budgetMs`, measured on every claim. Nothing is claimed ahead unless every kind the worker runs
 * has been seen to finish, on average, fast enough for the slots to get through the window in the
 * budget; a kind whose handlers take longer than that keeps the window at 0. Once a claim's jobs
 * are done, the window quadruples if the claim came back full, its last job reached its handler within
 * half the budget and none held its slot longer than that (each step waits for a whole claim: by
 * doubling, opening to 1,000 took eight claims, a fifth of a 10,000-job run in bench/registry); it
 * halves when that last job took longer than the budget, and closes when a claim comes back short
 * (the queue ran dry: what comes next may be other work).
 */
export class ClaimAhead {
  private window = 0;
  private readonly meanHandlerMs = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly budgetMs: number,
  ) {}

  /** Jobs to claim beyond the free slots now, for a worker that runs `kinds`. */
  size(kinds: Iterable<string>): number {
    if (this.budgetMs <= 0 || this.window === 0) return 0;
    let slowest = 0;
    for (const kind of kinds) {
      const mean = this.meanHandlerMs.get(kind);
      if (mean === undefined) return 0;
      slowest = Math.max(slowest, mean);
    }
    const fits = Math.floor((this.budgetMs * this.concurrency) / Math.max(slowest, 0.001)) - this.concurrency;
    return Math.max(0, Math.min(this.window, fits));
  }

  /** A handler of `kind` held its slot for `ms`. */
  handlerRan(kind: string, ms: number): void {
    const mean = this.meanHandlerMs.get(kind);
    this.meanHandlerMs.set(kind, mean === undefined ? ms : mean + SMOOTHING * (ms - mean));
  }

  /** A claim came back: short, the queue ran dry. */
  claimed(requested: number, claimed: number): void {
    if (claimed < requested) this.window = 0;
  }

  /** Every job of a claim is through its handler (or left without running). */
  claimDone({ requested, claimed, maxLagMs, maxHandlerMs }: FinishedClaim): void {
    const quick = this.budgetMs / 2;
    if (claimed < requested) this.window = 0;
    else if (maxLagMs > this.budgetMs) this.window = Math.floor(this.window / 2);
    else if (maxLagMs <= quick && maxHandlerMs <= quick) this.window = Math.min(MAX_AHEAD, Math.max(this.window * 4, this.concurrency));
  }
}
