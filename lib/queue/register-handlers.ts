import type { JobQueue } from "../jobs";
import { registerTestKinds } from "./test-kinds/register-test-kinds";

/** Every kind of job Tandem runs. Each feature adds its handler here. */
export function registerHandlers(queue: JobQueue): void {
  if (process.env.TANDEM_TEST_JOB_KINDS === "1") registerTestKinds(queue);
}
