import crypto from "node:crypto";
import os from "node:os";
import type { BackoffOptions } from "./backoff";
import { ClaimAhead } from "./claim-ahead";
import { CompletionBatch } from "./completion-batch";
import { JobRun } from "./context";
import type { ClaimedJob } from "./dialects/dialect";
import { JobAbortedError, isPermanent, type AbortCause } from "./errors";
import { JobLog, type Logger } from "./logger";
import type { JobMetrics } from "./metrics";
import { localNotifier, type JobSignal } from "./notifier";
import { acknowledgeCancel } from "./ops/acknowledge-cancel";
import { claimJobs } from "./ops/claim-jobs";
import { completeJobs } from "./ops/complete-jobs";
import { failJob } from "./ops/fail-job";
import { recoverExpiredJobs } from "./ops/recover-expired-jobs";
import { releaseJob } from "./ops/release-job";
import { renewLeases } from "./ops/renew-leases";
import { RunStop } from "./run-stop";
import { heartbeatWorker, removeWorker } from "./ops/worker-processes";
import type { PoolOptions } from "./pool/pool";
import type { HandlerRegistry } from "./handlers";
import type { Store } from "./store";
import { Wakeup } from "./wakeup";

const DEFAULT_ABORT_GRACE_MS = 3_000;
const DEFAULT_CLAIM_AHEAD_MS = 100;
const NOT_STARTED = Promise.resolve();

export interface WorkerOptions {
  workerId?: string;
  /** Most jobs running at once in this process (default JOBS_CONCURRENCY or 3). */
  concurrency?: number;
  /** How long a claimed job stays ours without a heartbeat. */
  leaseMs?: number;
  heartbeatMs?: number;
  /** Fallback polling when no notification arrives. */
  pollIntervalMs?: number;
  recoverIntervalMs?: number;
  /** How long an aborted handler may take to clean up (its own rollback) before it is abandoned. */
  abortGraceMs?: number;
  /** Default time a stopping worker lets running jobs finish before releasing them. */
  shutdownGraceMs?: number;
  /**
   * Very short jobs are claimed beyond the free slots, as many as are expected to reach their
   * handlers within about this long of their claim (their recorded start); 0 claims only what the
   * free slots start at once.
   */
  claimAheadMs?: number;
  backoff?: BackoffOptions;
  pool?: PoolOptions;
}

interface Running {
  job: ClaimedJob;
  stop: RunStop;
  /** Settles once the run's outcome is recorded. */
  done: Promise<void>;
  /** Waiting for a slot (claimed ahead), running its handler in a slot, or recording its outcome. */
  phase: "waiting" | "executing" | "recording";
  claim: ClaimRun;
  /** Called when a slot is handed to it while it waits: true, or false if it was stopped first. */
  admit?: (admitted: boolean) => void;
  /**
   * What stopping it does besides firing its signal, in its phase: leave the wait, or give up on a
   * handler that ignores the signal. Called by stopRun rather than by an "abort" listener: adding
   * one took about 5 µs per job (measured), and every job had one or two.
   */
  onStop?: () => void;
  /**
   * When the lease we last got for it runs out at the latest, by this process's clock: the time the
   * claim or renewal was sent, plus the lease.
   */
  leaseUntil: number;
}

/** A claim sent to the database: what it asked for, and its jobs once it is back. */
interface SentClaim {
  sentAt: number;
  requested: number;
  jobs: Promise<ClaimedJob[]>;
}

/** One claim's jobs on their way to their handlers. */
interface ClaimRun {
  sentAt: number;
  requested: number;
  claimed: number;
  /** Its jobs whose handlers have not yet returned (nor will: stopped while waiting). */
  unfinished: number;
  maxLagMs: number;
  maxHandlerMs: number;
}

export function defaultConcurrency(): number {
  const n = Number(process.env.JOBS_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/**
 * A worker: fetch what fits, run it, wait for a wake-up (enqueue, a finished job, a notification
 * from another process, or the poll interval). Leases are renewed by a heartbeat; expired leases of
 * dead workers are recovered here too.
 *
 * A slot is taken while a handler runs: when it returns, the slot is free at once and the next
 * claim goes out while the outcome is being recorded; successes that come in the same turn are
 * recorded together (CompletionBatch). A claim records its jobs `running`, with their "started"
 * events, before any of their handlers runs. It takes what the free slots start at once, and, when
 * jobs are very short, some more that wait their turn for a slot (ClaimAhead), sized so that they
 * reach their handlers about `claimAheadMs` after the claim: a job shown running is running, or
 * a tenth of a second from it by default. While a full claim of such jobs runs, the next claim is
 * already on its way.
 */
export class Worker {
  readonly id: string;
  readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  /** Jobs this worker holds: waiting for a slot, handlers running, or finished with their outcome being recorded. */
  private readonly running = new Map<string, Running>();
  /** Handlers running: the slots in use. */
  private busy = 0;
  /** Claimed jobs waiting for a slot, first come first served. */
  private readonly waiting: Running[] = [];
  /** Jobs per kind running or waiting for a slot, for the kinds' own limits. */
  private readonly busyByKind = new Map<string, number>();
  private readonly claimAhead: ClaimAhead;
  private readonly completions: CompletionBatch;
  private readonly poolOptions: PoolOptions;
  private readonly wakeup = new Wakeup();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private loopDone: Promise<void> = Promise.resolve();
  private unsubscribe: (() => Promise<void>) | null = null;
  private readonly onLocalSignal = (s: JobSignal) => this.onSignal(s);

  constructor(
    private readonly store: Store,
    private readonly handlers: HandlerRegistry,
    private readonly logger: Logger,
    private readonly metrics: JobMetrics,
    private readonly options: WorkerOptions = {},
  ) {
    this.id = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
    this.concurrency = options.concurrency ?? defaultConcurrency();
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.completions = new CompletionBatch(
      (jobs) => completeJobs(this.store, this.id, jobs),
      () => this.busy === 0 && this.waiting.length === 0,
    );
    this.poolOptions = options.pool ?? {};
    this.claimAhead = new ClaimAhead(this.concurrency, options.claimAheadMs ?? DEFAULT_CLAIM_AHEAD_MS);
  }

  /** Jobs this worker holds now (running, waiting for a slot, or finished and being recorded). */
  get activeJobIds(): string[] {
    return [...this.running.keys()];
  }

  async start(): Promise<this> {
    localNotifier().on("signal", this.onLocalSignal);
    this.unsubscribe = await this.store.dialect.subscribe(
      (s) => this.onSignal(s),
      (err) => this.logger.warn({ err: err.message }, "job notifications interrupted; reconnecting"),
    );
    await this.safely("register worker", () => heartbeatWorker(this.store, this.id, this.concurrency));
    await this.safely("recover expired jobs", () => this.recover());
    const heartbeatMs = this.options.heartbeatMs ?? Math.max(50, Math.floor(this.leaseMs / 3));
    const recoverMs = this.options.recoverIntervalMs ?? Math.max(100, Math.floor(this.leaseMs / 2));
    this.every(heartbeatMs, "heartbeat", () => this.heartbeat());
    // Stop a handler this long before its lease may run out: time for it to see its signal and stop.
    const fenceMarginMs = Math.min(heartbeatMs, Math.floor(this.leaseMs / 6));
    this.every(Math.max(25, Math.floor(fenceMarginMs / 2)), "lease fence", async () => this.fenceExpiringLeases(fenceMarginMs));
    this.every(recoverMs, "recover expired jobs", () => this.recover());
    this.loopDone = this.loop();
    this.logger.info({ workerId: this.id, concurrency: this.concurrency, kinds: this.handlers.kinds() }, "worker started");
    return this;
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then stops the rest and gives
   * them back to the queue so another worker takes them.
   */
  async stop({ graceMs = this.options.shutdownGraceMs ?? 10_000 }: { graceMs?: number } = {}): Promise<void> {
    if (this.stopping) return this.loopDone;
    this.stopping = true;
    this.wakeup.wake();
    for (const t of this.timers) clearInterval(t);
    localNotifier().off("signal", this.onLocalSignal);
    await this.loopDone;
    const all = () => Promise.all([...this.running.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace-over">((resolve) => (timer = setTimeout(() => resolve("grace-over"), graceMs)));
    if ((await Promise.race([all(), graceOver])) === "grace-over") {
      for (const r of this.running.values()) stopRun(r, "shutdown", "the worker is shutting down");
      await all();
    }
    clearTimeout(timer);
    await this.unsubscribe?.();
    await this.safely("deregister worker", () => removeWorker(this.store, this.id));
    this.logger.info({ workerId: this.id }, "worker stopped");
  }

  private async loop(): Promise<void> {
    let next: SentClaim | null = null;
    while (!this.stopping) {
      // Let handlers that finish in this turn free their slots first, so one claim fills them all.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopping) break;
      let claimed = 0;
      try {
        const claim: SentClaim | null = next ?? this.sendClaim(this.room());
        next = null;
        if (claim) {
          const jobs: ClaimedJob[] = await claim.jobs;
          claimed = jobs.length;
          this.claimAhead.claimed(claim.requested, claimed);
          next = claimed === claim.requested ? await this.sendNextClaim(jobs) : null;
          await this.launchClaimed(jobs, { sentAt: claim.sentAt, requested: claim.requested, claimed, unfinished: claimed, maxLagMs: 0, maxHandlerMs: 0 });
        }
      } catch (err) {
        this.logger.error({ err }, "claiming jobs failed; retrying");
      }
      if (this.stopping) break;
      // A full claim may have left more work waiting: look again at once if there is room.
      if (next || (claimed > 0 && this.room() > 0)) continue;
      await this.wakeup.wait(this.pollIntervalMs);
    }
    if (next) await this.launchLast(next);
  }

  private sendClaim(room: number, launching: ClaimedJob[] = []): SentClaim | null {
    if (room <= 0) return null;
    const sentAt = Date.now();
    const jobs = this.claimWhatFits(room, launching);
    // Awaited by the loop's next turn, which reports a failure.
    jobs.catch(() => {});
    return { sentAt, requested: room, jobs };
  }

  /**
   * After a full claim of very short jobs, the next claim goes out before its jobs start: they run
   * in one go, and the worker would otherwise wait for the database between claims. It is sent
   * before they start so that it goes out at once (the connection pool sends on the next tick).
   */
  private async sendNextClaim(launching: ClaimedJob[]): Promise<SentClaim | null> {
    const ahead = this.claimAhead.size(this.handlers.kinds());
    if (ahead === 0 || this.stopping) return null;
    const claim = this.sendClaim(ahead, launching);
    await new Promise((resolve) => process.nextTick(resolve));
    return claim;
  }

  /** A claim sent before the worker stopped: its jobs are ours, so they run (or are handed back by `stop`). */
  private async launchLast(claim: SentClaim): Promise<void> {
    try {
      const jobs = await claim.jobs;
      await this.launchClaimed(jobs, { sentAt: claim.sentAt, requested: claim.requested, claimed: jobs.length, unfinished: jobs.length, maxLagMs: 0, maxHandlerMs: 0 });
    } catch (err) {
      this.logger.error({ err }, "claiming jobs failed");
    }
  }

  /**
   * How many jobs to claim now: the free slots not promised to waiting jobs, plus the claim-ahead
   * window. With no slot free, the jobs waiting are topped up only once half the window is gone,
   * so that claims stay large.
   */
  private room(): number {
    const free = this.concurrency - this.busy - this.waiting.length;
    const ahead = this.claimAhead.size(this.handlers.kinds());
    const room = free + ahead;
    return free > 0 || room >= ahead / 2 ? Math.max(room, 0) : 0;
  }

  /** Claims up to `room` jobs within their kinds' limits, counting the jobs of `launching` (claimed, not yet launched) as busy. */
  private async claimWhatFits(room: number, launching: ClaimedJob[] = []): Promise<ClaimedJob[]> {
    const unlimited: string[] = [];
    const claimed: ClaimedJob[] = [];
    for (const kind of this.handlers.kinds()) {
      const limit = this.handlers.get(kind)!.options.concurrency;
      if (limit === undefined) {
        unlimited.push(kind);
        continue;
      }
      const busy = (this.busyByKind.get(kind) ?? 0) + launching.filter((j) => j.kind === kind).length;
      const kindRoom = Math.min(limit - busy, room - claimed.length);
      if (kindRoom > 0) claimed.push(...(await this.claim([kind], kindRoom)));
    }
    const left = room - claimed.length;
    if (left > 0 && unlimited.length > 0) claimed.push(...(await this.claim(unlimited, left)));
    return claimed;
  }

  private claim(kinds: string[], limit: number): Promise<ClaimedJob[]> {
    return claimJobs(this.store, { workerId: this.id, kinds, limit, leaseMs: this.leaseMs });
  }

  /**
   * Starts the jobs a claim sent at `sentAt` returned. Their leases were counted from when the claim
   * was sent: a claim that waited long on the database (a lock, an outage) is renewed first, and a
   * job taken over meanwhile is not started. If that renewal fails they stay unstarted, and recovery
   * hands them on once their leases run out.
   */
  private async launchClaimed(jobs: ClaimedJob[], claim: ClaimRun): Promise<void> {
    const { sentAt } = claim;
    let until = sentAt + this.leaseMs;
    let held: Set<string> | null = null;
    if (jobs.length > 0 && Date.now() - sentAt > this.leaseMs / 3) {
      const renewedAt = Date.now();
      ({ held } = await renewLeases(this.store, this.id, jobs.map((j) => j.id), this.leaseMs));
      until = renewedAt + this.leaseMs;
    }
    if (held) claim.unfinished = claim.claimed = jobs.filter((j) => held.has(j.id)).length;
    for (const job of jobs) if (!held || held.has(job.id)) this.launch(job, until, claim);
  }

  private launch(job: ClaimedJob, leaseUntil: number, claim: ClaimRun): void {
    const entry: Running = { job, stop: new RunStop(), done: NOT_STARTED, phase: "waiting", claim, leaseUntil };
    this.running.set(job.id, entry);
    this.busyByKind.set(job.kind, (this.busyByKind.get(job.kind) ?? 0) + 1);
    entry.done = this.execute(entry).finally(() => {
      this.freeSlot(entry);
      // A stopped run may still be recording its outcome when its job is claimed again, by this
      // worker too: the map then holds the new run, which must stay in it (heartbeat, fence).
      if (this.running.get(job.id) === entry) this.running.delete(job.id);
    });
  }

  /**
   * Gives the job a slot: at once if one is free and nobody waits, else once one is handed on to
   * it. False if it was stopped (cancelled, shutdown, lease lost) while it waited.
   */
  private takeSlot(entry: Running): boolean | Promise<boolean> {
    if (this.busy < this.concurrency && this.waiting.length === 0) {
      this.busy++;
      this.admitted(entry);
      return true;
    }
    return new Promise<boolean>((resolve) => {
      entry.admit = (admitted) => {
        entry.onStop = undefined;
        resolve(admitted);
      };
      entry.onStop = () => {
        entry.onStop = undefined;
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        this.leftClaim(entry.claim, 0);
        resolve(false);
      };
      this.waiting.push(entry);
      if (entry.stop.stopped) entry.onStop();
    });
  }

  private admitted(entry: Running): void {
    entry.phase = "executing";
    const { claim } = entry;
    claim.maxLagMs = Math.max(claim.maxLagMs, Date.now() - claim.sentAt);
  }

  /** One of the claim's jobs is through its handler after `handlerMs` (0: it never ran). */
  private leftClaim(claim: ClaimRun, handlerMs: number): void {
    claim.maxHandlerMs = Math.max(claim.maxHandlerMs, handlerMs);
    if (--claim.unfinished === 0) this.claimAhead.claimDone(claim);
  }

  private handlerReturned(entry: Running, handlerMs: number): void {
    this.claimAhead.handlerRan(entry.job.kind, handlerMs);
    this.leftClaim(entry.claim, handlerMs);
    this.freeSlot(entry);
  }

  /** Its handler is done (or it never got a slot): the slot goes to the next job waiting, or is free. */
  private freeSlot(entry: Running): void {
    if (entry.phase === "recording") return;
    const hadSlot = entry.phase === "executing";
    entry.phase = "recording";
    this.busyByKind.set(entry.job.kind, this.busyByKind.get(entry.job.kind)! - 1);
    if (hadSlot) {
      const next = this.waiting.shift();
      if (next) {
        this.admitted(next);
        next.admit!(true);
      } else this.busy--;
    }
    this.wakeup.wake();
  }

  private async execute(entry: Running): Promise<void> {
    const { job, stop } = entry;
    const definition = this.handlers.get(job.kind);
    const log = new JobLog(this.logger, job);
    const slot = this.takeSlot(entry);
    if (slot !== true && !(await slot)) {
      this.freeSlot(entry);
      return this.settleFailure(job, stop, stop.reason, log, 0);
    }
    const timeoutMs = job.timeoutMs ?? definition?.options.timeoutMs;
    const timer = timeoutMs
      ? setTimeout(() => stopRun(entry, "timeout", `timed out after ${timeoutMs} ms`), timeoutMs)
      : undefined;
    const run = new JobRun(this.store, job, this.id, stop, log, this.poolOptions);
    const startedAt = Date.now();
    this.metrics.started(job);
    try {
      if (!definition) throw new Error(`No handler is registered for job kind "${job.kind}"`);
      const result = await this.untilStopped(entry, definition.handler(run));
      if (stop.reason) throw stop.reason;
      clearTimeout(timer);
      this.handlerReturned(entry, Date.now() - startedAt);
      const writes = run.flush();
      if (writes) await writes;
      const held = (await this.completions.add(job.id, job.attempts, result ?? null)).has(job.id);
      this.metrics.finished(job, held ? "succeeded" : "lost", Date.now() - startedAt);
      if (!held) log.warn("job finished after its lease was lost; result discarded");
    } catch (err) {
      clearTimeout(timer);
      this.handlerReturned(entry, Date.now() - startedAt);
      await run.flush()?.catch(() => {});
      await this.settleFailure(job, stop, err, log, Date.now() - startedAt);
    }
  }

  /**
   * What the handler settles with; once the run is stopped, a handler gets a moment to undo its work
   * and settle, and one that ignores its signal is abandoned after that (rejected with the reason).
   */
  private untilStopped<T>(entry: Running, handler: T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      Promise.resolve(handler).then(resolve, reject);
      const { stop } = entry;
      entry.onStop = () => setTimeout(() => reject(stop.reason), this.options.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS).unref();
      if (stop.stopped) entry.onStop();
    });
  }

  private async settleFailure(job: ClaimedJob, stop: RunStop, err: unknown, log: JobLog, elapsedMs: number): Promise<void> {
    const cause: AbortCause | null = stop.reason?.cause ?? null;
    const run = { jobId: job.id, workerId: this.id, attempt: job.attempts, startedAt: job.startedAt };
    await this.safely("record job outcome", async () => {
      if (cause === "cancelled") {
        await acknowledgeCancel(this.store, run);
        this.metrics.finished(job, "cancelled", elapsedMs);
      } else if (cause === "shutdown") {
        await releaseJob(this.store, run, "released by a stopping worker");
      } else if (cause === "lease-lost") {
        log.warn("lease lost; another worker may own this job now");
        // Stopped by the fence while the database still counts it ours: hand it back at once.
        await releaseJob(this.store, run, "released: its lease could not be renewed in time");
      } else {
        const error = stop.reason ?? toError(err);
        const outcome = await failJob(
          this.store,
          job,
          this.id,
          { message: error.message || error.name, stack: error.stack ?? null, permanent: !cause && isPermanent(err) },
          this.options.backoff,
        );
        if (outcome === "retry-scheduled") this.metrics.retried(job);
        else if (outcome === "failed") this.metrics.finished(job, "failed", elapsedMs);
        log.warn("job attempt failed", { err: error.message, outcome });
      }
    });
  }

  private onSignal(signal: JobSignal): void {
    if (signal.type === "queued") this.wakeup.wake();
    else {
      const running = this.running.get(signal.jobId);
      if (running) stopRun(running, "cancelled", "cancelled on request");
    }
  }

  private async heartbeat(): Promise<void> {
    await heartbeatWorker(this.store, this.id, this.concurrency);
    const ids = this.activeJobIds;
    if (ids.length === 0) return;
    const sentAt = Date.now();
    const { held, cancelRequested } = await renewLeases(this.store, this.id, ids, this.leaseMs);
    for (const id of ids) {
      const running = this.running.get(id);
      if (!running) continue;
      if (held.has(id)) running.leaseUntil = sentAt + this.leaseMs;
      if (cancelRequested.has(id)) stopRun(running, "cancelled", "cancelled on request");
      else if (!held.has(id)) stopRun(running, "lease-lost", "the job's lease was lost");
    }
  }

  /**
   * A worker that cannot renew its leases (database unreachable or locked) stops its handlers before
   * the leases run out, so another worker that takes the jobs over never runs them at the same time.
   * Runs on its own timer: a renewal stuck waiting on the database must not hold it up.
   */
  private fenceExpiringLeases(marginMs: number): void {
    const now = Date.now();
    for (const running of this.running.values()) {
      if (running.phase !== "recording" && now >= running.leaseUntil - marginMs) {
        stopRun(running, "lease-lost", "its lease could not be renewed in time; stopped so that no other worker runs it at the same time");
      }
    }
  }

  private async recover(): Promise<void> {
    if ((await recoverExpiredJobs(this.store)) > 0) this.wakeup.wake();
  }

  private every(ms: number, what: string, fn: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopping) return;
      busy = true;
      void this.safely(what, fn).finally(() => (busy = false));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async safely(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.error({ err }, `${what} failed`);
    }
  }
}

function stopRun(run: Running, cause: AbortCause, message: string): void {
  if (run.stop.stop(new JobAbortedError(cause, message))) run.onStop?.();
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(typeof err === "string" ? err : "The job failed with a non-error value");
}
