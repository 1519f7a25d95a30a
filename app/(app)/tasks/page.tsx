import { TaskCenter } from "@/components/tasks/task-center";

export const metadata = { title: "Task center · Tandem" };

export default function TasksPage() {
  return <TaskCenter />;
}
