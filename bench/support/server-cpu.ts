import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU time (ms) used so far by every process of this machine named `command` (e.g. `postgres`:
 * the server and its backends), from /proc; null where /proc cannot tell (not Linux, or none).
 * Backends that ended meanwhile take their time with them: read it around work done on
 * connections that stay open.
 */
export function processCpuMs(command: string): number | null {
  let dirs: string[];
  try {
    dirs = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const pid of dirs) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== command) continue;
      const fields = stat.slice(close + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
      found = true;
    } catch {
      // the process ended while we looked
    }
  }
  return found ? (ticks * 1000) / TICKS_PER_SECOND : null;
}
