export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/**
 * Exponential backoff with "full jitter": a random delay up to base·2^(attempt-1), capped, so that
 * jobs failing together do not retry together.
 */
export function retryDelayMs(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? 2_000;
  const max = options.maxMs ?? 5 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
