import { z } from "zod";

/** What to tell a schedule's owner about a fire that could not enqueue its batch (see isFireFailure). */
export function fireFailureMessage(err: unknown): string {
  if (err instanceof z.core.$ZodError) {
    const problems = err.issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
    return `The schedule's settings are no longer valid (${problems.join("; ")}). Edit the schedule to fix them.`;
  }
  return (err as Error).message;
}
