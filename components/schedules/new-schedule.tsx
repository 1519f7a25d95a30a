"use client";

import { useSearchParams } from "next/navigation";
import { ScheduleForm } from "./schedule-form";
import { readSchedulePrefill } from "./schedule-prefill";

/** `/schedules/new`, prefilled from the query (the analysis form's "Schedule…" link). */
export function NewSchedule() {
  const params = useSearchParams();
  return (
    <section aria-labelledby="new-schedule-title" className="space-y-6">
      <h1 id="new-schedule-title" className="text-2xl font-semibold tracking-tight">
        New schedule
      </h1>
      <ScheduleForm prefill={readSchedulePrefill(new URLSearchParams(params.toString()))} />
    </section>
  );
}
