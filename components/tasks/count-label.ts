import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** A count the server stopped at `limit` (it sends limit + 1) reads "1,000+". */
export function countLabel(count: number, limit: number, locale: Locale): string {
  return count > limit ? `${formatNumber(limit, locale)}+` : formatNumber(count, locale);
}
