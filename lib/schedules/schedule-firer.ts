import type { Clock, JobQueue } from "../jobs";
import { fireDueSchedules, PASS_SIZE } from "./fire-due-schedules";
import type { FiringContext } from "./firing-schedule";

export interface ScheduleFirerOptions {
  /** How often to look for due schedules (default 5 s: a batch fires within seconds of its time). */
  pollIntervalMs?: number;
  /** Defaults to the queue's clock; tests pass one they control. */
  clock?: Clock;
  /** How old an open fire must be before a pass completes it (default STALE_FIRE_MS). */
  staleFireMs?: number;
}

const DEFAULT_POLL_MS = 5_000;

/**
 * The loop that fires schedules, one per worker process: a pass (fireDueSchedules), then a wait;
 * a pass that handled a full page looks again at once. Every process may run one: the fire rows make each fire
 * happen once among them.
 */
export class ScheduleFirer {
  private readonly ctx: FiringContext;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly staleFireMs: number | undefined;
  private stopping = false;
  private done: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;

  constructor(queue: JobQueue, options: ScheduleFirerOptions = {}) {
    this.ctx = { db: queue.store.db, queue, logger: queue.logger.child({ component: "schedules" }) };
    this.clock = options.clock ?? queue.store.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.staleFireMs = options.staleFireMs;
  }

  start(): this {
    this.done = this.loop();
    return this;
  }

  /** Finishes the pass in progress, if any, and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let handled = 0;
      try {
        handled = await fireDueSchedules(this.ctx, this.clock.now(), { staleFireMs: this.staleFireMs });
      } catch (err) {
        this.ctx.logger.error({ err }, "looking for due schedules failed; retrying");
      }
      if (this.stopping) break;
      if (handled < PASS_SIZE) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, this.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

/** Starts a firer beside a worker process's worker. */
export function startScheduleFirer(queue: JobQueue, options?: ScheduleFirerOptions): ScheduleFirer {
  return new ScheduleFirer(queue, options).start();
}
