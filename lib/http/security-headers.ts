/**
 * The Content-Security-Policy. Pages get one with a per-request nonce (proxy.ts): only scripts
 * carrying it run (Next.js puts it on its own scripts, the root layout on the theme script), and
 * 'strict-dynamic' lets them load the app's chunks; inline event handlers and injected scripts
 * never run. Other responses (API JSON, assets) get the same policy without a nonce: no inline
 * script at all. Styles stay 'unsafe-inline': React style attributes and the charts need them,
 * and a style cannot run code.
 */
export function contentSecurityPolicy(nonce?: string): string {
  const dev = process.env.NODE_ENV !== "production";
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh nonce for one page response. */
export function cspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

type Header = { key: string; value: string };

/**
 * The headers of every response, by path (next.config.ts): pages get their CSP from proxy.ts
 * (with its nonce), everything else the one without.
 */
export function securityHeaders(): { source: string; headers: Header[] }[] {
  const noNonce = [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }];
  return [
    { source: "/:path*", headers: commonHeaders() },
    { source: "/api/:path*", headers: noNonce },
    { source: "/_next/:path*", headers: noNonce },
  ];
}

function commonHeaders(): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
