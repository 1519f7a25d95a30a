"use client";

import { createContext, useContext, useMemo } from "react";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { createT, type T } from "./translate";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Given the server's locale by the root layout; client components below read it with useT/useLocale. */
export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `t` in the page's locale, for client components: `const t = useT();`. */
export function useT(): T {
  const locale = useLocale();
  return useMemo(() => createT(locale), [locale]);
}
