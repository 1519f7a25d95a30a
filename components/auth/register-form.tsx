"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormAlert } from "./field";

type Issues = Record<string, string>;

export function RegisterForm() {
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setIssues({});
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "");
    try {
      const res = await fetch("/api/register", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, password, ...(name && { name }) }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: { path: string; message: string }[] };
        // The first issue per field: the rule to fix first.
        const byField: Issues = {};
        for (const issue of body.issues ?? []) byField[issue.path] ??= issue.message;
        setIssues(byField);
        const fields = Object.keys(byField).length;
        setError(fields > 0 ? `Please fix the field${fields > 1 ? "s" : ""} marked below.` : (body.error ?? "Registration failed. Please try again."));
        return;
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.error) {
        setError("Your account was created, but signing in failed. Please sign in.");
        return;
      }
      router.replace("/tasks");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": a submit before the page's script has loaded must not put the password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">Create your account</h1>
      <FormAlert message={error} />
      <Field label="Name (optional)" name="name" autoComplete="name" required={false} error={issues.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={issues.email} />
      <Field
        label="Password (at least 10 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="Not your email address, and not a common password. A few words make a good one."
        error={issues.password}
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </form>
  );
}
