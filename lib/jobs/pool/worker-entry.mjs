// Entry of the worker-thread pool. A plain .mjs file that exists on disk at run time, under both
// `next start` and `npm run worker` (bundlers do not follow worker-thread entry files). tsx lets
// the threads load the TypeScript task modules straight from the source tree.
import os from "node:os";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();

// On Linux the nice value is per thread: lowering this pool thread's priority lets the event-loop
// thread (HTTP, job bookkeeping) take a core the moment it has work, while the pool still uses
// every idle cycle. JOBS_POOL_NICE=0 turns it off.
try {
  os.setPriority(Number(process.env.JOBS_POOL_NICE ?? 10));
} catch {
  // Not permitted or not supported here: run at normal priority.
}
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
