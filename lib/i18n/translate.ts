import { en } from "./messages/en";
import { zh } from "./messages/zh";
import { localeTag, type Locale } from "./locales";

/** A message: text with `{name}` placeholders, or plural forms picked by the `count` variable. */
export type Message = string | { one?: string; other: string };
export type MessageKey = keyof typeof en;
/** Every locale has every key (the compiler checks it). */
export type Dictionary = Record<MessageKey, Message>;

export type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;

const DICTIONARIES: Record<Locale, Dictionary> = { en, zh };

/**
 * `t` for a locale: looks the key up, picks the plural form for `vars.count` (Intl.PluralRules) and
 * fills `{name}` placeholders; numbers are formatted for the locale.
 */
export function createT(locale: Locale): T {
  const tag = localeTag(locale);
  const plural = new Intl.PluralRules(tag);
  const number = new Intl.NumberFormat(tag);
  return (key, vars) => {
    const message = DICTIONARIES[locale][key] ?? en[key];
    const text = typeof message === "string" ? message : (plural.select(Number(vars?.count)) === "one" && message.one) || message.other;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      return value === undefined ? whole : typeof value === "number" ? number.format(value) : value;
    });
  };
}
