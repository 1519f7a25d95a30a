const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const QUOTED = /^(["'])(.*)\1$/;

/**
 * A number as written in a price file, or NaN. Commas are read as thousands separators only when
 * that is unambiguous: groups of three digits, and either a decimal point or several groups
 * (`1,234.5`, `1,234,567`); `1,234` could be a decimal comma and is refused.
 */
export function parseNumber(text: string): number {
  const plain = startsLikeDecimal(text) ? Number(text) : NaN;
  if (Number.isFinite(plain)) return plain;
  const value = parseDecorated(text);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Whether Number(text), when finite, is what the rules below give, so that a million rows need no
 * regular expression: text that starts with a digit, sign or point and is not a hex, octal or
 * binary literal (0x…, 0o…, 0b…), is a decimal number to Number() exactly when it matches PLAIN
 * give or take trailing spaces, which parseDecorated trims too.
 */
function startsLikeDecimal(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false;
  const next = text.charCodeAt(1) | 32; // lower case
  return next !== 120 && next !== 111 && next !== 98;
}

/** With surrounding spaces or quotes, or thousands separators. */
function parseDecorated(text: string): number {
  const trimmed = text.trim();
  const value = (QUOTED.exec(trimmed)?.[2] ?? trimmed).trim();
  if (PLAIN.test(value)) return Number(value);
  if (GROUPED.test(value) && (value.includes(".") || value.indexOf(",") !== value.lastIndexOf(","))) return Number(value.replaceAll(",", ""));
  return NaN;
}
