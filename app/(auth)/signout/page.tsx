import type { Metadata } from "next";
import Link from "next/link";
import { sessionUser } from "@/app/_server/session";
import { SignOutForm } from "@/components/auth/signout-form";

export const metadata: Metadata = { title: "Sign out · Tandem" };
export const dynamic = "force-dynamic";

export default async function SignOutPage() {
  const user = await sessionUser();
  if (!user) {
    return (
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">You are signed out</h1>
        <Link href="/signin" className="block text-center text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in again
        </Link>
      </div>
    );
  }
  return <SignOutForm email={user.email} />;
}
