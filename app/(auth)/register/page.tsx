import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionUser } from "@/app/_server/session";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "Create account · Tandem" };
export const dynamic = "force-dynamic";

export default async function RegisterPage() {
  if (await sessionUser()) redirect("/tasks");
  return <RegisterForm />;
}
