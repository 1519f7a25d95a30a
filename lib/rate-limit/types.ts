export interface RateLimitRule {
  /** What is limited and for whom, e.g. "signin-fail:email:a@b.c". */
  key: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  allowed: boolean;
  /** Hits left in the current window. */
  remaining: number;
  /** 0 when allowed; otherwise seconds until the window ends. */
  retryAfterSeconds: number;
}
