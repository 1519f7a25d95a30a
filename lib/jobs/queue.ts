import type { Db } from "../db/client";
import type { JobDialect } from "./dialects/dialect";
import { postgresDialect } from "./dialects/postgres";
import { sqliteDialect } from "./dialects/sqlite";
import { HandlerRegistry } from "./handlers";
import { createLogger, type Logger } from "./logger";
import { createJobMetrics, type JobMetrics } from "./metrics";
import { cancelJob } from "./ops/cancel-job";
import { deleteJob } from "./ops/delete-job";
import { enqueueJobs } from "./ops/enqueue-jobs";
import { getJob } from "./ops/get-job";
import { countJobsByBatch, countJobsByStatus, type StatusCounts } from "./ops/count-jobs";
import { listJobs, type JobFilter, type JobListPage, type ListOptions } from "./ops/list-jobs";
import { retryJob } from "./ops/retry-job";
import { listLiveWorkers } from "./ops/worker-processes";
import { closeSharedPool } from "./pool/pool";
import type { Store } from "./store";
import { systemClock, type Clock, type EnqueueBatchOptions, type EnqueueSpec, type HandlerOptions, type JobHandler } from "./types";
import { Worker, type WorkerOptions } from "./worker";

export type JobQueueOptions = {
  db: Db;
  clock?: Clock;
  logger?: Logger;
} & ({ dialect: "sqlite" } | { dialect: "postgres"; connectionString: string });

/** The registry's public face: record jobs, run workers, inspect and control jobs. */
export class JobQueue {
  readonly store: Store;
  readonly logger: Logger;
  private readonly handlers = new HandlerRegistry();
  private readonly workers = new Set<Worker>();
  private metricsInstance: JobMetrics | null = null;

  constructor(options: JobQueueOptions) {
    const dialect: JobDialect = options.dialect === "postgres" ? postgresDialect(options.connectionString) : sqliteDialect(options.db);
    this.store = { db: options.db, dialect, clock: options.clock ?? systemClock };
    this.logger = options.logger ?? createLogger();
  }

  /** Registers the handler for a kind of job. */
  define<P>(kind: string, handler: JobHandler<P>, options?: HandlerOptions): this {
    this.handlers.define(kind, handler, options);
    return this;
  }

  async enqueue(spec: EnqueueSpec): Promise<{ jobId: string; existing: boolean }> {
    const { jobIds, existing } = await enqueueJobs(this.store, [this.withKindDefaults(spec)], { ownerId: spec.ownerId ?? null });
    return { jobId: jobIds[0]!, existing };
  }

  /** Many jobs in one transaction, optionally grouped in a named batch. */
  enqueueMany(specs: EnqueueSpec[], options?: EnqueueBatchOptions) {
    return enqueueJobs(this.store, specs.map((s) => this.withKindDefaults(s)), options);
  }

  /** A kind's maxAttempts, when this queue defines it, applies unless the job sets its own. */
  private withKindDefaults(spec: EnqueueSpec): EnqueueSpec {
    const maxAttempts = spec.maxAttempts ?? this.handlers.get(spec.kind)?.options.maxAttempts;
    return maxAttempts === undefined ? spec : { ...spec, maxAttempts };
  }

  get(jobId: string) {
    return getJob(this.store, jobId);
  }

  /**
   * A page of jobs, newest first (cursor pagination), with the count per status of the jobs the
   * filter matches whatever their status (tab counts); `counts: false` leaves the counts out.
   */
  list(filter: JobFilter, options?: ListOptions & { counts?: true }): Promise<JobListPage & { counts: StatusCounts }>;
  list(filter: JobFilter, options: ListOptions & { counts: false }): Promise<JobListPage>;
  async list(filter: JobFilter, options: ListOptions & { counts?: boolean } = {}): Promise<JobListPage | (JobListPage & { counts: StatusCounts })> {
    const page = await listJobs(this.store, filter, options);
    return options.counts === false ? page : { ...page, counts: await countJobsByStatus(this.store, { ...filter, status: undefined }) };
  }

  /** Jobs per status among those the filter matches (everyone's by default); `atMost` bounds each count (see countJobsByStatus). */
  counts(filter: JobFilter = {}, options?: { atMost?: number }) {
    return countJobsByStatus(this.store, filter, options);
  }

  /** Per batch: name, jobs per status and overall progress; with an owner, only their batches. */
  batchCounts(batchIds: string[], ownerId?: string) {
    return countJobsByBatch(this.store, batchIds, ownerId);
  }

  cancel(jobId: string) {
    return cancelJob(this.store, jobId);
  }

  retry(jobId: string) {
    return retryJob(this.store, jobId);
  }

  remove(jobId: string) {
    return deleteJob(this.store, jobId);
  }

  /** Worker processes that sent a heartbeat recently, with their running jobs. */
  liveWorkers(aliveMs = 60_000) {
    return listLiveWorkers(this.store, aliveMs);
  }

  async startWorker(options?: WorkerOptions): Promise<Worker> {
    const worker = new Worker(this.store, this.handlers, this.logger, this.metrics(), options);
    this.workers.add(worker);
    return worker.start();
  }

  metrics(): JobMetrics {
    this.metricsInstance ??= createJobMetrics(this.store);
    return this.metricsInstance;
  }

  /** Stops every worker started here (graceful, see Worker.stop), the thread pool and the registry's own connections. */
  async close(options?: { graceMs?: number }): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.stop(options)));
    this.workers.clear();
    await closeSharedPool();
    await this.store.dialect.close();
  }
}
