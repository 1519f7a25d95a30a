"use client";

import { signOut } from "next-auth/react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./ui/button";

export function SignOutButton() {
  const t = useT();
  return (
    <Button size="sm" onClick={() => signOut({ callbackUrl: "/signin" })}>
      {t("shell.signOut")}
    </Button>
  );
}
