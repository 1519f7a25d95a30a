// Pool task for the pool's priority test: the nice value and scheduling policy of the thread it runs on (Linux).
import fs from "node:fs";

export interface ThreadPriority {
  nice: number;
  /** 0 SCHED_OTHER, 3 SCHED_BATCH, 5 SCHED_IDLE. */
  policy: number;
}

export default function threadPriority(): ThreadPriority {
  const stat = fs.readFileSync("/proc/thread-self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { nice: Number(fields[16]), policy: Number(fields[38]) };
}
