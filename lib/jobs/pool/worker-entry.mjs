// Entry of the worker-thread pool. A plain .mjs file that exists on disk at run time, under both
// `next start` and `npm run worker` (bundlers do not follow worker-thread entry files). tsx lets
// the threads load the TypeScript task modules straight from the source tree.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";

// First, so that the rest of this thread's start-up (loading tsx, then each task module through
// tsx's loader thread and its esbuild process, which inherit this thread's policy) gives way too.
lowerThisThreadsPriority(process.env.JOBS_POOL_NICE ?? "idle");
const { register } = await import("tsx/esm/api");
register();
const modules = new Map();

export default async function runTask({ file, input, port }) {
  let load = modules.get(file);
  if (!load) {
    load = import(pathToFileURL(file).href);
    modules.set(file, load);
  }
  const task = (await load).default;
  if (typeof task !== "function") throw new Error(`${file} has no default export to run`);
  try {
    return await task(input, { progress: (percent, label) => port.postMessage({ percent, label }) });
  } finally {
    port.close();
  }
}

/**
 * On Linux priorities are per thread, so the event-loop thread (HTTP, job bookkeeping) keeps its
 * own while the pool's threads give way. `idle` (the default) puts this thread under SCHED_IDLE: it
 * runs only on cycles no normal thread wants, and a waking event loop preempts it at once. A nice
 * value (nice 10 was the default before) only lowers the thread's share: the event loop, which
 * sleeps and wakes many times per request, could then wait out a pool thread's time slice at each
 * wake-up. Where SCHED_IDLE is not available (not Linux, no `chrt`), `idle` means nice 10; a number
 * is a nice value; 0 leaves the priority alone.
 */
function lowerThisThreadsPriority(setting) {
  if (setting === "idle" && scheduleIdle()) return;
  const nice = setting === "idle" ? 10 : Number(setting);
  try {
    if (nice) os.setPriority(nice);
  } catch {
    // Not permitted or not a valid nice value: run at normal priority.
  }
}

/** SCHED_IDLE for this thread, through util-linux's chrt (Node has no sched_setscheduler). */
function scheduleIdle() {
  if (process.platform !== "linux") return false;
  try {
    const threadId = fs.readlinkSync("/proc/thread-self").split("/").pop();
    return spawnSync("chrt", ["--idle", "--pid", "0", threadId], { stdio: "ignore", timeout: 5_000 }).status === 0;
  } catch {
    return false;
  }
}
