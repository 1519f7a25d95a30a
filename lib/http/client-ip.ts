/**
 * The caller's address, for rate limits. Next.js sets X-Forwarded-For to the peer's address
 * unless the request already has one, and each reverse proxy appends the address it received
 * the request from. So with `trustedProxies` proxies in front of the app (TRUSTED_PROXIES,
 * default 1), the trustworthy entry is that many places from the right; entries left of it are
 * whatever the client claimed. Without any proxy in front, a client can claim any address:
 * the per-email sign-in limit still holds then.
 */
export function clientIp(headers: { get(name: string): string | null }, trustedProxies = trustedProxyCount()): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const fromRight = hops[Math.max(0, hops.length - Math.max(1, trustedProxies))];
  return (fromRight || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}

function trustedProxyCount(): number {
  const n = Number(process.env.TRUSTED_PROXIES);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
