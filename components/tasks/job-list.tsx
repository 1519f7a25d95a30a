"use client";

import type { BatchCounts } from "@/lib/jobs";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import { groupJobsByBatch } from "@/lib/tasks/group-jobs-by-batch";
import type { JobSummaryView } from "@/lib/tasks/job-view";
import { BatchGroup } from "./batch-group";
import { JobRow } from "./job-row";

export interface JobListProps {
  jobs: JobSummaryView[];
  batches: Map<string, BatchCounts>;
  /** Fold batches into group rows (not when the view is one batch already). */
  group: boolean;
  now: number;
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  expanded: Set<string>;
  onToggle: (batchId: string) => void;
  onAction: (action: JobAction, ids: string[]) => void;
  onOpen: (jobId: string) => void;
  onBatch: (batchId: string) => void;
  busyIds: Set<string>;
  showOwner: boolean;
}

export function JobList(props: JobListProps) {
  const { jobs, batches, group, selected, onSelect, expanded, onToggle, onBatch } = props;
  const row = (job: JobSummaryView, inBatch = false) => (
    <JobRow
      key={job.id}
      job={job}
      now={props.now}
      selected={selected.has(job.id)}
      onSelect={(on) => onSelect([job.id], on)}
      onAction={(action) => props.onAction(action, [job.id])}
      onOpen={() => props.onOpen(job.id)}
      onBatch={onBatch}
      busy={props.busyIds.has(job.id)}
      showOwner={props.showOwner}
      inBatch={inBatch}
    />
  );
  const items = group ? groupJobsByBatch(jobs) : jobs.map((job) => ({ type: "job" as const, job }));
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="job-list">
      {items.map((item) => {
        if (item.type === "job") return row(item.job);
        const batch = batches.get(item.batchId);
        if (!batch) return item.jobs.map((job) => row(job));
        const ids = item.jobs.map((j) => j.id);
        return (
          <BatchGroup
            key={`batch-${item.batchId}`}
            batch={batch}
            shown={ids.length}
            expanded={expanded.has(item.batchId)}
            onToggle={() => onToggle(item.batchId)}
            selectedCount={ids.filter((id) => selected.has(id)).length}
            onSelect={(on) => onSelect(ids, on)}
            onOnlyThisBatch={() => onBatch(item.batchId)}
          >
            {item.jobs.map((job) => row(job, true))}
          </BatchGroup>
        );
      })}
    </ul>
  );
}
