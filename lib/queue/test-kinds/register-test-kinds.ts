import { setTimeout as sleep } from "node:timers/promises";
import type { JobQueue } from "../../jobs";

/**
 * Job kinds that only the end-to-end suite uses (TANDEM_TEST_JOB_KINDS=1): they let a test prove
 * that the worker-thread pool works inside `next start` and that HTTP stays fast meanwhile.
 */
export function registerTestKinds(queue: JobQueue): void {
  queue.define<{ ms: number }>("test.spin", async (ctx) =>
    ctx.runInPool("lib/queue/test-kinds/spin-task.ts", { ms: Math.min(ctx.payload.ms, 60_000) }),
  );
  queue.define<{ ms: number }>("test.sleep", async (ctx) => {
    const steps = 20;
    for (let i = 1; i <= steps; i++) {
      // Removes its abort listener when the step ends (a listener per step would pile up on the signal).
      await sleep(ctx.payload.ms / steps, undefined, { signal: ctx.signal });
      ctx.progress((i / steps) * 100, `step ${i} of ${steps}`);
    }
    return { slept: ctx.payload.ms };
  });
}
