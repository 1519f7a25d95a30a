// Pool task for the pool's priority test: the nice value and scheduling policy of the thread it runs on (Linux).
import fs from "node:fs";

export interface ThreadPriority {
  nice: number;
  /** 0 SCHED_OTHER, 3 SCHED_BATCH, 5 SCHED_IDLE. */
  policy: number;
  /** Threads of the whole process under SCHED_IDLE. */
  idleThreads: number;
}

export default function threadPriority(): ThreadPriority {
  const own = statFields("/proc/thread-self/stat");
  const idleThreads = fs.readdirSync("/proc/self/task").filter((tid) => {
    try {
      return statFields(`/proc/self/task/${tid}/stat`).policy === SCHED_IDLE;
    } catch {
      return false; // the thread ended meanwhile
    }
  }).length;
  return { ...own, idleThreads };
}

const SCHED_IDLE = 5;

function statFields(file: string): { nice: number; policy: number } {
  const stat = fs.readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { nice: Number(fields[16]), policy: Number(fields[38]) };
}
