"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { HeaderSelect } from "./header-select";

// Each language names itself, so a reader of the other one still finds theirs.
const NAMES: Record<Locale, string> = { en: "English", zh: "中文" };

/** Remembers the language in a cookie (a year) and re-renders the page, server parts included. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: string) => {
    if (!isLocale(next)) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    startTransition(() => router.refresh());
  };
  return (
    <HeaderSelect
      label={t("shell.language")}
      icon="文A"
      value={locale}
      onChange={choose}
      disabled={pending}
      options={(Object.keys(NAMES) as Locale[]).map((l) => ({ value: l, label: NAMES[l], lang: l === "zh" ? "zh-CN" : "en" }))}
    />
  );
}
