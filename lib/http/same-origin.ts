const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF protection for state-changing requests (POST, PUT, PATCH, DELETE): browsers send Origin
 * with them, and when it is present it must name this host (X-Forwarded-Host behind a proxy,
 * else Host). Without Origin, a request the browser marks `Sec-Fetch-Site: cross-site` is refused
 * too; other clients (curl, scripts) send neither and pass. Session cookies are SameSite=Lax on
 * top of this.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.split(",")[0]?.trim();
  if (!host) return false;
  try {
    const from = new URL(origin);
    // Same scheme for both, so a default port (":443") compares equal to none.
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}
