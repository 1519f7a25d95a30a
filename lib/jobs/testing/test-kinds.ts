/*
 * Job kinds for the registry's tests, shared by in-process tests and the standalone worker
 * process (worker-process.ts). Kinds that take `dir` append one line per event to
 * `${dir}/${process.pid}.log` — "<event> <jobId> <pid> <epoch ms>" — so a test can count exactly
 * how often each job ran in which process, including runs that never completed.
 */
import fs from "node:fs";
import path from "node:path";
import type { JobQueue } from "../queue";
import type { CpuInput, CpuResult } from "./cpu-task";

export const CPU_TASK = "lib/jobs/testing/cpu-task.ts";
export const LEAK_TASK = "lib/jobs/testing/leak-task.ts";
/** The `hang` kind's own timeout. */
export const HANG_TIMEOUT_MS = 1_000;

export interface RecordLine {
  event: string;
  jobId: string;
  pid: number;
  at: number;
}

export function appendRecord(dir: string, event: string, jobId: string): void {
  fs.appendFileSync(path.join(dir, `${process.pid}.log`), `${event} ${jobId} ${process.pid} ${Date.now()}\n`);
}

/** Every line written by appendRecord into `dir`, from every process. */
export function readRecords(dir: string): RecordLine[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".log"))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n"))
    .filter(Boolean)
    .map((line) => {
      const [event, jobId, pid, at] = line.split(" ");
      return { event: event!, jobId: jobId!, pid: Number(pid), at: Number(at) };
    });
}

function sleepStep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(timer), reject(signal.reason));
    const timer = setTimeout(() => (signal.removeEventListener("abort", onAbort), resolve()), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function defineTestKinds(queue: JobQueue): JobQueue {
  return queue
    .define("noop", async () => ({ pid: process.pid }))
    .define<{ dir: string }>("record", async (ctx) => {
      appendRecord(ctx.payload.dir, "run", ctx.jobId);
      return { pid: process.pid };
    })
    .define<{ ms: number; dir?: string; recordAbort?: boolean }>("sleep", async (ctx) => {
      const { ms, dir, recordAbort } = ctx.payload;
      if (dir) appendRecord(dir, "start", ctx.jobId);
      const steps = 10;
      try {
        for (let i = 1; i <= steps; i++) {
          await sleepStep(ms / steps, ctx.signal);
          ctx.progress((i / steps) * 100, "sleeping");
        }
      } catch (err) {
        // An "abort" line ends a run that was stopped (lease lost, cancelled), when asked for.
        if (dir && recordAbort) appendRecord(dir, "abort", ctx.jobId);
        throw err;
      }
      if (dir) appendRecord(dir, "end", ctx.jobId);
      return { pid: process.pid, slept: ms };
    })
    .define<CpuInput>("cpu", async (ctx) => {
      const result = await ctx.runInPool<CpuInput, CpuResult>(CPU_TASK, { n: ctx.payload.n });
      return { ...result, pid: process.pid };
    })
    .define("leak", async (ctx) => {
      await ctx.runInPool(LEAK_TASK, {});
    })
    // A handler that never returns and ignores its signal: only the kind's timeout ends it.
    .define("hang", () => new Promise<never>(() => {}), { timeoutMs: HANG_TIMEOUT_MS });
}
