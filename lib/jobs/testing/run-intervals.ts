import type { RecordLine } from "./test-kinds";

export interface RunInterval {
  jobId: string;
  pid: number;
  start: number;
  end: number;
  finished: boolean;
}

/**
 * Each run of each job, from the "start"/"end" (or, with `recordAbort`, "abort") lines the `sleep`
 * kind records: a run with neither lasted until its process was seen dead (`diedAt`); one in a live
 * process is reported as a problem.
 */
export function runIntervals(lines: RecordLine[], diedAt: Map<number, number> = new Map()): { runs: RunInterval[]; problems: string[] } {
  const open = new Map<string, RecordLine>();
  const runs: RunInterval[] = [];
  const problems: string[] = [];
  for (const line of [...lines].sort((a, b) => a.at - b.at)) {
    const key = `${line.jobId} ${line.pid}`;
    if (line.event === "start") {
      if (open.has(key)) problems.push(`job ${line.jobId} started twice in process ${line.pid} without ending`);
      open.set(key, line);
    } else if (line.event === "end" || line.event === "abort") {
      const start = open.get(key);
      if (!start) problems.push(`job ${line.jobId} ended in process ${line.pid} without a start`);
      else runs.push({ jobId: line.jobId, pid: line.pid, start: start.at, end: line.at, finished: line.event === "end" });
      open.delete(key);
    }
  }
  for (const start of open.values()) {
    const end = diedAt.get(start.pid);
    if (end === undefined) problems.push(`job ${start.jobId} never ended in process ${start.pid}, which did not die`);
    else runs.push({ jobId: start.jobId, pid: start.pid, start: start.at, end, finished: false });
  }
  return { runs, problems };
}

/** Runs of the same job that overlapped in time (two processes running it at once). */
export function overlappingRuns(runs: RunInterval[]): string[] {
  const byJob = new Map<string, RunInterval[]>();
  for (const r of runs) byJob.set(r.jobId, [...(byJob.get(r.jobId) ?? []), r]);
  const found: string[] = [];
  for (const [jobId, mine] of byJob) {
    const sorted = mine.sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) found.push(`job ${jobId}: run in ${sorted[i]!.pid} began before the run in ${sorted[i - 1]!.pid} ended`);
    }
  }
  return found;
}
