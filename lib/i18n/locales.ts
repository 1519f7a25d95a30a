export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers the chosen language, so server components render in it too. */
export const LOCALE_COOKIE = "tandem-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for Intl and <html lang>. */
export function localeTag(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : "en";
}

/** The locale for a request: the cookie if it names one, else the first supported Accept-Language. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const lang = part.split(";")[0]!.trim().toLowerCase().split("-")[0];
    if (isLocale(lang)) return lang;
  }
  return DEFAULT_LOCALE;
}
