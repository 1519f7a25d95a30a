/**
 * C0 control characters (NUL included) and DEL, but not tab, line feed or carriage return.
 * No field of the API has a use for them, PostgreSQL refuses NUL in text outright, and they
 * hide text in logs and the UI.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The dotted path of the first string in `value` (JSON-like) with a control character, or null. */
export function controlCharacterPath(value: unknown, at: string[] = []): string | null {
  if (typeof value === "string") return CONTROL_CHARACTERS.test(value) ? at.join(".") : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL_CHARACTERS.test(key)) return [...at, key].join(".");
    const found = controlCharacterPath(item, [...at, key]);
    if (found !== null) return found;
  }
  return null;
}

/** The text with control characters removed (file names shown back to users). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTERS.source, "g"), "");
}
