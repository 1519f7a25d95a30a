import type { Db } from "../db/client";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "cancelled"];
export const ACTIVE_STATUSES: readonly JobStatus[] = ["queued", "running"];

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface EnqueueSpec {
  kind: string;
  /** Human title shown in the task center, e.g. "Analyse 600519". */
  name: string;
  payload: Json;
  ownerId?: string | null;
  priority?: number;
  /** Run no earlier than this (delayed jobs). */
  runAt?: Date;
  maxAttempts?: number;
  timeoutMs?: number;
  /** The same key from the same owner returns the existing job instead of a new one. */
  idempotencyKey?: string;
}

export interface EnqueueBatchOptions {
  ownerId?: string | null;
  /** Name of the batch that groups these jobs; none means the jobs are not batched. */
  batchName?: string;
  /** The same key from the same owner returns the jobs created the first time. */
  idempotencyKey?: string;
}

export interface EnqueueResult {
  batchId: string | null;
  jobIds: string[];
  /** True when an idempotency key matched earlier jobs and nothing new was created. */
  existing: boolean;
}

export interface JobContext<P = Json> {
  readonly jobId: string;
  readonly kind: string;
  readonly payload: P;
  /** The user who submitted the job (null for system jobs such as sample imports). */
  readonly ownerId: string | null;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /** After this attempt fails, the job fails for good. */
  readonly maxAttempts: number;
  /** Fires on cancel, timeout, lost lease or shutdown; `signal.reason` says which. */
  readonly signal: AbortSignal;
  /** Database access owned by this job, never by a request. */
  readonly db: Db;
  progress(percent: number, label?: string): void;
  log(message: string): void;
  /** Runs `file`'s default export in the shared worker-thread pool (for CPU-heavy work). */
  runInPool<I, O>(file: string, input: I): Promise<O>;
}

export type JobHandler<P = Json> = (ctx: JobContext<P>) => Promise<Json | void>;

export interface HandlerOptions {
  /** Per-kind limit on running jobs in one worker process (the global limit still applies). */
  concurrency?: number;
  timeoutMs?: number;
  /** Default for jobs of this kind enqueued through a queue that defines it. */
  maxAttempts?: number;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
