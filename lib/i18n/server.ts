import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import { createT, type T } from "./translate";

/** The request's locale (server components, route handlers): the language cookie, else Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
}

/** `t` in the request's locale, for server components: `const t = await getT();`. */
export async function getT(): Promise<T> {
  return createT(await getLocale());
}
