/** A failure that retrying cannot fix (bad input, missing data): the job fails at once. */
export class PermanentJobError extends Error {
  readonly permanent = true;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** Why a job's AbortSignal fired. */
export type AbortCause = "cancelled" | "timeout" | "lease-lost" | "shutdown";

export class JobAbortedError extends Error {
  constructor(readonly cause: AbortCause, message: string) {
    super(message);
    this.name = "JobAbortedError";
  }
}

export function isPermanent(err: unknown): boolean {
  return err instanceof Error && (err as { permanent?: unknown }).permanent === true;
}
