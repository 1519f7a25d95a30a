"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { buttonClass } from "./field";

export function SignOutForm({ email }: { email: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Sign out?</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        You are signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{email}</span>. Jobs you started keep running.
      </p>
      <button
        type="button"
        className={buttonClass}
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/signin" });
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <Link href="/tasks" className="block text-center text-sm text-slate-600 hover:underline dark:text-slate-400">
        Cancel
      </Link>
    </div>
  );
}
