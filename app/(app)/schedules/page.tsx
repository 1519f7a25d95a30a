import { ScheduleList } from "@/components/schedules/schedule-list";

export const metadata = { title: "Schedules · Tandem" };

export default function SchedulesPage() {
  return <ScheduleList />;
}
