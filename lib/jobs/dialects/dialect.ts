import type { Job } from "../../db/generated/sqlite";
import type { JobSignal } from "../notifier";

/** What a worker needs of a job it claimed to run it (a claim returns these columns only). */
export type ClaimedJob = Pick<
  Job,
  "id" | "kind" | "ownerId" | "payload" | "priority" | "runAt" | "attempts" | "maxAttempts" | "timeoutMs" | "createdAt" | "startedAt"
>;

export interface ClaimRequest {
  workerId: string;
  now: Date;
  leaseUntil: Date;
  kinds: string[];
  limit: number;
}

export interface Completion {
  jobId: string;
  /** The attempt the worker claimed: a later run of the same job is not this one's to complete. */
  attempt: number;
  /** The handler's result; null leaves the column as it was. */
  result: unknown;
}

export interface FailedAttempt {
  jobId: string;
  workerId: string;
  /** The attempt that failed: the update applies only if the job is still on it. */
  attempts: number;
  now: Date;
  errorMessage: string;
  errorStack: string | null;
  /** When to run it again; null fails the job for good. */
  retryAt: Date | null;
  event: { type: string; message: string };
}

export interface NewJob {
  id: string;
  kind: string;
  name: string;
  payload: unknown;
  ownerId: string | null;
  batchId: string | null;
  priority: number;
  runAt: Date;
  maxAttempts: number;
  timeoutMs: number | null;
  idempotencyKey: string | null;
}

export interface NewBatch {
  id: string;
  ownerId: string | null;
  name: string;
}

/**
 * Everything that differs between databases lives behind this interface, one file per database.
 * The registry's hot path (enqueue, claim, complete) runs here, through the database's own driver
 * (`pg`, better-sqlite3) on connections of its own, not through Prisma: a statement through
 * Prisma's query compiler costs several times its database time.
 */
export interface JobDialect {
  readonly name: "sqlite" | "postgres";
  /**
   * Atomically marks up to `limit` due jobs of `kinds` as running on the worker (their rows tell
   * when the run started: no event is stored for it, see job-timeline.ts); returns them, highest
   * priority first.
   */
  claim(request: ClaimRequest): Promise<ClaimedJob[]>;
  /**
   * Marks succeeded those of `jobs` the worker still holds (running under its id), all in one
   * transaction; returns their ids. A job the worker lost meanwhile is left alone. (The row tells
   * the success: no event is stored for it, see job-timeline.ts.)
   */
  complete(workerId: string, jobs: Completion[], now: Date): Promise<Set<string>>;
  /**
   * Ends a failed attempt of a job the worker still holds (running under its id, on `attempts`):
   * requeued for `retryAt`, or failed; with its event (which records when the run started), in one
   * transaction. False if it was lost.
   */
  fail(attempt: FailedAttempt): Promise<boolean>;
  /** Extends the leases of those of `jobIds` the worker still holds; returns them. */
  renewLeases(request: { workerId: string; jobIds: string[]; now: Date; leaseUntil: Date }): Promise<{ id: string; cancelRequested: boolean }[]>;
  /**
   * Inserts the jobs (and their batch) in one transaction and, where the database can, tells other
   * processes when it commits.
   */
  insertJobs(batch: NewBatch | null, jobs: NewJob[], now: Date): Promise<void>;
  /** Whether `err` is a unique-constraint violation raised by insertJobs. */
  isUniqueViolation(err: unknown): boolean;
  /** Tells other processes (no-op where the database has no notifications). */
  publish(signal: JobSignal): Promise<void>;
  /** Receives other processes' signals until the returned function is called. */
  subscribe(onSignal: (signal: JobSignal) => void, onError: (err: Error) => void): Promise<() => Promise<void>>;
  /** Closes the dialect's own connections (they reopen if used again). */
  close(): Promise<void>;
  /** How raw SQL (through Prisma) names the n-th (1-based) parameter and encodes values for it. */
  readonly sql: {
    param(n: number, cast?: "jsonb"): string;
    date(d: Date): unknown;
    /** A GROUP BY term for `column` that no index's order can serve, so the WHERE clause picks the index. */
    unorderedGroup(column: string): string;
    /** The LIKE operator that ignores case (of ASCII letters at least). */
    likeIgnoringCase: "ILIKE" | "LIKE";
  };
}
