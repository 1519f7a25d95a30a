import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/sqlite";
import type { JobSignal } from "../notifier";

export interface ClaimRequest {
  workerId: string;
  now: Date;
  leaseUntil: Date;
  kinds: string[];
  limit: number;
}

/** Everything that differs between databases lives behind this interface, one file per database. */
export interface JobDialect {
  readonly name: "sqlite" | "postgres";
  /** Atomically marks up to `limit` due jobs of `kinds` as running on the worker; returns their ids. */
  claim(db: Db | Prisma.TransactionClient, request: ClaimRequest): Promise<string[]>;
  /** Tells other processes (no-op where the database has no notifications). */
  publish(db: Db, signal: JobSignal): Promise<void>;
  /** Receives other processes' signals until the returned function is called. */
  subscribe(onSignal: (signal: JobSignal) => void, onError: (err: Error) => void): Promise<() => Promise<void>>;
  /** A case-insensitive `contains` filter for a text column. */
  containsInsensitive(text: string): object;
  /** How raw SQL names the n-th (1-based) parameter and encodes values for it. */
  readonly sql: {
    param(n: number, cast?: "jsonb"): string;
    date(d: Date): unknown;
    json(value: unknown): unknown;
    /** Most parameters one statement may carry. */
    maxParams: number;
  };
}
