export type AttemptOutcome = "running" | "succeeded" | "retry_scheduled" | "failed" | "cancelled" | "lease_expired" | "released";

export interface Attempt {
  /** 1, 2, … in the order the job ran, across manual retries. */
  number: number;
  workerId: string | null;
  startedAt: string;
  endedAt: string | null;
  outcome: AttemptOutcome;
  /** What the event that ended the attempt says (the error, for a failed attempt). */
  message: string | null;
}

interface EventLike {
  type: string;
  message: string | null;
  workerId: string | null;
  at: string;
}

const ENDINGS = new Set<string>(["succeeded", "retry_scheduled", "failed", "cancelled", "lease_expired", "released"]);

/** A job's runs, read from its event log: each "started" opens one, the next ending event closes it. */
export function attemptsFromEvents(events: EventLike[]): Attempt[] {
  const attempts: Attempt[] = [];
  let open: Attempt | null = null;
  for (const e of events) {
    if (e.type === "started") {
      open = { number: attempts.length + 1, workerId: e.workerId, startedAt: e.at, endedAt: null, outcome: "running", message: null };
      attempts.push(open);
    } else if (open && ENDINGS.has(e.type)) {
      open.endedAt = e.at;
      open.outcome = e.type as AttemptOutcome;
      open.message = e.message;
      open = null;
    }
  }
  return attempts;
}
