const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const QUOTED = /^(["'])(.*)\1$/;

/**
 * A number as written in a price file, or NaN. Commas are read as thousands separators only when
 * that is unambiguous: groups of three digits, and either a decimal point or several groups
 * (`1,234.5`, `1,234,567`); `1,234` could be a decimal comma and is refused.
 */
export function parseNumber(text: string): number {
  const simple = simpleDecimal(text);
  if (simple === simple) return simple; // not NaN
  const plain = startsLikeDecimal(text) ? Number(text) : NaN;
  if (Number.isFinite(plain)) return plain;
  const value = parseDecorated(text);
  return Number.isFinite(value) ? value : NaN;
}

/** Significant digits that always fit a double's integer range exactly (2^53 > 10^15). */
const MAX_SIMPLE_DIGITS = 15;
/** 10^k, exact as doubles for k ≤ 22. */
const POWERS_OF_TEN = Array.from({ length: MAX_SIMPLE_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * Number(text) for the plain decimals a price file is made of (`123.45`, `-0.5`, `7`: a sign, at
 * most 15 digits, one point), computed directly; NaN for any other text. The digits as an integer
 * and 10^k are both exact, and one division of exact values is correctly rounded: the same double
 * Number() gives (Clinger's fast path), at a fraction of its cost.
 */
function simpleDecimal(text: string): number {
  const length = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) c = text.charCodeAt(++i);
  let digits = 0;
  let mantissa = 0;
  let scale = -1;
  for (; i < length; c = text.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) {
      scale = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_SIMPLE_DIGITS) return NaN;
  const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale]! : mantissa;
  return negative ? -value : value;
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
