import { EditSchedule } from "@/components/schedules/edit-schedule";

export const metadata = { title: "Edit schedule · Tandem" };

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditSchedule id={id} />;
}
