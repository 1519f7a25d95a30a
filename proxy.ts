import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { contentSecurityPolicy, cspNonce } from "@/lib/http/security-headers";

/** Pages open without a session. */
const PUBLIC_PAGE = /^\/(?:signin|register|signout)(?:[/.]|$)/;

/**
 * Every page but sign-in, registration and sign-out needs a session: without one, the visitor
 * goes to /signin?callbackUrl=<where they were going>. API routes are not matched: each checks
 * the session itself and answers 401 JSON (see app/_server/with-session.ts).
 * Every page also gets a Content-Security-Policy with a fresh nonce (lib/http/security-headers.ts):
 * Next.js reads it from the request's CSP header and puts it on its scripts.
 */
export async function proxy(request: NextRequest) {
  const nonce = cspNonce();
  const csp = contentSecurityPolicy(nonce);
  if (!PUBLIC_PAGE.test(request.nextUrl.pathname) && !(await getToken({ req: request, secret: authSecret() }))) {
    const url = new URL("/signin", request.url);
    url.search = "";
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon\\.ico$|screenshots/|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
