/**
 * C0 control characters (NUL included) and DEL, but not tab, line feed or carriage return.
 * No field of the API has a use for them, PostgreSQL refuses NUL in text outright, and they
 * hide text in logs and the UI.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const BAD_TEXT_MESSAGE = "Text must not contain control characters (such as NUL) or broken Unicode.";

/** Text a field may hold: no control characters, no lone UTF-16 surrogates (JSON's "\ud800", which databases cannot store). */
export function isCleanText(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text) && text.isWellFormed();
}

/** The dotted path of the first string (or key) in `value` (JSON-like) that is not clean text, or null. */
export function badTextPath(value: unknown, at: string[] = []): string | null {
  if (typeof value === "string") return isCleanText(value) ? null : at.join(".");
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isCleanText(key)) return [...at, key].join(".");
    const found = badTextPath(item, [...at, key]);
    if (found !== null) return found;
  }
  return null;
}

/** The text with control characters removed (file names shown back to users). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTERS.source, "g"), "");
}
