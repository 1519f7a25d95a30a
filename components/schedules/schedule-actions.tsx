"use client";

import type { ScheduleView } from "@/lib/schedules/schedule-view";
import { Button, LinkButton } from "../ui/button";
import { useScheduleActions } from "./use-schedule-actions";

/** Run now, pause or resume, edit and delete for one schedule. */
export function ScheduleActions({ schedule, onDeleted }: { schedule: ScheduleView; onDeleted?: () => void }) {
  const { run, pause, resume, remove } = useScheduleActions();
  const busy = run.isPending || pause.isPending || resume.isPending || remove.isPending;
  const name = <span className="sr-only"> {schedule.name}</span>;
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <Button size="sm" variant="primary" disabled={busy} onClick={() => run.mutate(schedule.id)}>
        Run now{name}
      </Button>
      {schedule.enabled ? (
        <Button size="sm" disabled={busy} onClick={() => pause.mutate(schedule.id)}>
          Pause{name}
        </Button>
      ) : (
        <Button size="sm" disabled={busy} onClick={() => resume.mutate(schedule.id)}>
          Resume{name}
        </Button>
      )}
      <LinkButton size="sm" href={`/schedules/${schedule.id}/edit`}>
        Edit{name}
      </LinkButton>
      <Button
        size="sm"
        variant="danger"
        disabled={busy}
        onClick={() => {
          if (confirm(`Delete the schedule “${schedule.name}”? The batches it enqueued stay in the task center.`)) remove.mutate(schedule.id, { onSuccess: onDeleted });
        }}
      >
        Delete{name}
      </Button>
    </div>
  );
}
