/*
 * The pool's threads give way to the event loop: by default they run under SCHED_IDLE (Linux, with
 * util-linux's chrt), JOBS_POOL_NICE=<n> runs them at nice n under the normal policy, 0 at normal
 * priority.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import type { ThreadPriority } from "../testing/thread-priority-task";
import { closeSharedPool, runInPool } from "./pool";

const SCHED_OTHER = 0;
const SCHED_IDLE = 5;
const TASK = "lib/jobs/testing/thread-priority-task.ts";
const chrt = process.platform === "linux" && spawnSync("chrt", ["--version"]).status === 0;
const saved = process.env.JOBS_POOL_NICE;

afterEach(async () => {
  // Threads read the setting when they start: each test gets a pool of its own.
  await closeSharedPool();
  if (saved === undefined) delete process.env.JOBS_POOL_NICE;
  else process.env.JOBS_POOL_NICE = saved;
});

describe.runIf(process.platform === "linux")("the pool threads' priority", () => {
  it.runIf(chrt)("is SCHED_IDLE by default", async () => {
    delete process.env.JOBS_POOL_NICE;
    expect(await runInPool<null, ThreadPriority>(TASK, null)).toMatchObject({ policy: SCHED_IDLE });
  });

  it.runIf(chrt)("is set before the thread loads anything: the loader thread it starts for tsx runs under SCHED_IDLE too", async () => {
    delete process.env.JOBS_POOL_NICE;
    // One pool thread runs; this process has no other SCHED_IDLE thread.
    expect(await runInPool<null, ThreadPriority>(TASK, null)).toMatchObject({ policy: SCHED_IDLE, idleThreads: 2 });
  });

  it("is the nice value JOBS_POOL_NICE gives, under the normal policy", async () => {
    process.env.JOBS_POOL_NICE = "10";
    expect(await runInPool<null, ThreadPriority>(TASK, null)).toMatchObject({ nice: 10, policy: SCHED_OTHER });
  });

  it("is the process's own with JOBS_POOL_NICE=0", async () => {
    process.env.JOBS_POOL_NICE = "0";
    expect(await runInPool<null, ThreadPriority>(TASK, null)).toMatchObject({ nice: os.getPriority(), policy: SCHED_OTHER });
  });
});
