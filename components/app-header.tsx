import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitch } from "./ui/language-switch";
import { ThemeSwitch } from "./ui/theme-switch";

export async function AppHeader({ email, role }: { email: string; role: string }) {
  const t = await getT();
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <a
        href="#main"
        className="sr-only rounded-md bg-indigo-600 px-3 py-2 text-sm text-white focus:not-sr-only focus:absolute focus:top-3 focus:left-4 focus:z-50"
      >
        {t("shell.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/tasks" className="text-lg font-semibold tracking-tight text-slate-900 dark:text-slate-100">
          Tandem
        </Link>
        <NavLinks />
        <div className="flex min-w-0 flex-wrap items-center gap-2 sm:ml-auto sm:gap-3">
          <span className="flex min-w-0 items-center text-sm text-slate-600 dark:text-slate-300" data-testid="signed-in-user">
            <span className="sr-only">{t("shell.signedInAs")} </span>
            <span className="max-w-[16rem] truncate" title={email}>
              {email}
            </span>
            {role === "admin" && (
              <span className="ml-2 shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-200">
                {t("shell.admin")}
              </span>
            )}
          </span>
          <LanguageSwitch />
          <ThemeSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
