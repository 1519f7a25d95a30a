"use client";

import { useT } from "@/lib/i18n/client";
import type { JobAction } from "@/lib/tasks/bulk-job-action";
import type { JobSummaryView } from "@/lib/tasks/job-view";
import { Button, LinkButton } from "@/components/ui/button";

/** Which actions a job takes now: cancel while queued or running, retry after failing or cancelling, delete once finished. */
export function availableActions(job: Pick<JobSummaryView, "status" | "cancelRequested">): JobAction[] {
  if (job.status === "queued") return ["cancel"];
  if (job.status === "running") return job.cancelRequested ? [] : ["cancel"];
  if (job.status === "failed" || job.status === "cancelled") return ["retry", "delete"];
  return ["delete"];
}

/** A job's buttons (row and drawer): its actions, and the result once it succeeded. */
export function JobActions({ job, onAction, busy }: { job: JobSummaryView; onAction: (action: JobAction) => void; busy: boolean }) {
  const t = useT();
  const actions = availableActions(job);
  return (
    <div className="flex flex-wrap gap-1.5">
      {job.status === "succeeded" && job.resultHref && (
        <LinkButton href={job.resultHref} size="sm" variant="primary" aria-label={t("job.openResultOf", { name: job.name })}>
          {t("job.openResult")}
        </LinkButton>
      )}
      {actions.map((action) => (
        <Button
          key={action}
          size="sm"
          variant={action === "delete" ? "danger" : "secondary"}
          disabled={busy}
          onClick={() => onAction(action)}
          aria-label={t(`job.${action}Named`, { name: job.name })}
        >
          {t(`job.${action}`)}
        </Button>
      ))}
    </div>
  );
}
