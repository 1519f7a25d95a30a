/**
 * A same-site path to go to after signing in: `value` when it is a path on this site (with its
 * query and hash), else `fallback`. Refuses "//evil.example", "/\evil.example", "https://…" and
 * anything else a browser would resolve to another origin.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/tasks"): string {
  if (!value || !value.startsWith("/")) return fallback;
  const base = "http://tandem.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return url.pathname + url.search + url.hash;
}
