import { Suspense } from "react";
import { sessionUser } from "@/app/_server/session";
import { TaskCenter } from "@/components/tasks/task-center";
import { isAdmin } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata() {
  const t = await getT();
  return { title: `${t("tasks.title")} · Tandem` };
}

export default async function TasksPage() {
  const user = await sessionUser();
  return (
    <Suspense>
      <TaskCenter isAdmin={!!user && isAdmin(user)} />
    </Suspense>
  );
}
