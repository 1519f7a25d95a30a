import { ScheduleDetail } from "@/components/schedules/schedule-detail";

export const metadata = { title: "Schedule · Tandem" };

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScheduleDetail id={id} />;
}
