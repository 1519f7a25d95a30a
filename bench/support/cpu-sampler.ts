import fs from "node:fs";

export interface CpuUsage {
  /** Sampling intervals (of about `intervalMs`) in the window. */
  intervals: number;
  intervalMs: number;
  /** Share of the intervals in which every core was at least `threshold` busy. */
  allCoresBusyShare: number;
  threshold: number;
  /** Busy jiffies / all jiffies over the window, all cores together (0–1). */
  meanBusy: number;
}

interface Snapshot {
  at: number;
  /** [busy, total] jiffies of each core. */
  cores: [number, number][];
}

/**
 * Samples the machine's per-core CPU counters (/proc/stat, Linux) every `intervalMs` until
 * `stop()`; `usage(from, to)` then sums the intervals whose middle falls in that window (epoch ms).
 * A core is busy for the jiffies it spent in anything but idle and iowait. The whole machine is
 * measured, other processes included. `usage` answers null where /proc/stat is missing.
 */
export function sampleCpu({ intervalMs = 500 } = {}): { stop(): { usage(fromMs: number, toMs: number, threshold: number): CpuUsage | null } } {
  if (!fs.existsSync("/proc/stat")) return { stop: () => ({ usage: () => null }) };
  const snapshots: Snapshot[] = [snapshot()];
  const timer = setInterval(() => snapshots.push(snapshot()), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      snapshots.push(snapshot());
      return { usage: (fromMs, toMs, threshold) => summarize(snapshots, fromMs, toMs, threshold, intervalMs) };
    },
  };
}

function summarize(snapshots: Snapshot[], fromMs: number, toMs: number, threshold: number, intervalMs: number): CpuUsage {
  let intervals = 0;
  let busyIntervals = 0;
  let busy = 0;
  let total = 0;
  for (let i = 1; i < snapshots.length; i++) {
    const [a, b] = [snapshots[i - 1]!, snapshots[i]!];
    const middle = (a.at + b.at) / 2;
    if (middle < fromMs || middle > toMs) continue;
    intervals++;
    const shares = b.cores.map(([busyJ, totalJ], c) => {
      const [db, dt] = [busyJ - a.cores[c]![0], totalJ - a.cores[c]![1]];
      busy += db;
      total += dt;
      return dt > 0 ? db / dt : 0;
    });
    if (shares.every((s) => s >= threshold)) busyIntervals++;
  }
  return { intervals, intervalMs, allCoresBusyShare: intervals ? busyIntervals / intervals : 0, threshold, meanBusy: total ? busy / total : 0 };
}

function snapshot(): Snapshot {
  const cores = fs
    .readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line): [number, number] => {
      const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1, 9).map(Number) as [number, number, number, number, number, number, number, number];
      const idleAll = idle + iowait;
      const total = user + nice + system + idleAll + irq + softirq + steal;
      return [total - idleAll, total];
    });
  return { at: Date.now(), cores };
}
