import { z } from "zod";
import { HttpError } from "../http/errors";

/**
 * True when a fire cannot enqueue its batch as the schedule stands (a symbol lost its data, the
 * stored options fail today's rules): trying again will not help. Anything else (the database
 * unreachable) is transient, and a later pass completes the fire.
 */
export function isFireFailure(err: unknown): boolean {
  return err instanceof HttpError || err instanceof z.core.$ZodError;
}
