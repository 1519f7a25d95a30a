import { Suspense } from "react";
import { NewSchedule } from "@/components/schedules/new-schedule";

export const metadata = { title: "New schedule · Tandem" };

export default function NewSchedulePage() {
  return (
    <Suspense>
      <NewSchedule />
    </Suspense>
  );
}
