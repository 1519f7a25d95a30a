import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionUser } from "@/app/_server/session";
import { SignInForm } from "@/components/auth/signin-form";
import { signinErrorMessage } from "@/lib/auth/signin-error-message";
import { safeRedirectPath } from "@/lib/http/safe-redirect-path";

export const metadata: Metadata = { title: "Sign in · Tandem" };
export const dynamic = "force-dynamic";

type Search = { callbackUrl?: string | string[]; error?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  // Only paths on this site: never send someone elsewhere after signing in.
  const target = safeRedirectPath(first(params.callbackUrl));
  if (await sessionUser()) redirect(target);
  return <SignInForm callbackUrl={target} initialError={signinErrorMessage(first(params.error))} />;
}
