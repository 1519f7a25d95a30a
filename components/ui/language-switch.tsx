"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { inputClass } from "./field";

// Each language names itself, so a reader of the other one still finds theirs.
const NAMES: Record<Locale, string> = { en: "English", zh: "中文" };

/** Remembers the language in a cookie (a year) and re-renders the page, server parts included. */
export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: string) => {
    if (!isLocale(next)) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    startTransition(() => router.refresh());
  };
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="sr-only">
        {t("shell.language")}
      </label>
      <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
        文A
      </span>
      <select id={id} value={locale} onChange={(e) => choose(e.target.value)} disabled={pending} className={`${inputClass} py-1`}>
        {(Object.keys(NAMES) as Locale[]).map((l) => (
          <option key={l} value={l} lang={l === "zh" ? "zh-CN" : "en"}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
