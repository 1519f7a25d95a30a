"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { scheduleApi } from "./schedule-api";
import { ScheduleForm } from "./schedule-form";

/** `/schedules/<id>/edit`: the form, filled with the schedule as it is. */
export function EditSchedule({ id }: { id: string }) {
  const { data, error } = useQuery({ queryKey: ["schedules", id], queryFn: () => scheduleApi.get(id) });
  return (
    <section aria-labelledby="edit-schedule-title" className="space-y-6">
      <h1 id="edit-schedule-title" className="text-2xl font-semibold tracking-tight">
        Edit schedule
      </h1>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error.message}. <Link href="/schedules" className="underline">All schedules</Link>
        </p>
      )}
      {data ? <ScheduleForm key={data.updatedAt} schedule={data} /> : !error && <p className="text-slate-500">Loading the schedule…</p>}
    </section>
  );
}
