const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const QUOTED = /^(["'])(.*)\1$/;

/**
 * A number as written in a price file, or NaN. Commas are read as thousands separators only when
 * that is unambiguous: groups of three digits, and either a decimal point or several groups
 * (`1,234.5`, `1,234,567`); `1,234` could be a decimal comma and is refused.
 */
export function parseNumber(text: string): number {
  const value = isPlainNumberText(text) ? Number(text) : parseDecorated(text);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Whether `text` matches PLAIN, without a regular expression on every field of a million rows:
 * over these characters (no whitespace, no `x`, `o`, `b` or letters of `Infinity`), Number()
 * accepts exactly the decimal literals PLAIN describes and gives NaN for the rest.
 */
export function isPlainNumberText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69)) return false;
  }
  return !Number.isNaN(Number(text));
}

/** With surrounding spaces or quotes, or thousands separators. */
function parseDecorated(text: string): number {
  const trimmed = text.trim();
  const value = (QUOTED.exec(trimmed)?.[2] ?? trimmed).trim();
  if (PLAIN.test(value)) return Number(value);
  if (GROUPED.test(value) && (value.includes(".") || value.indexOf(",") !== value.lastIndexOf(","))) return Number(value.replaceAll(",", ""));
  return NaN;
}
