import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";

/**
 * Every page but sign-in, registration and sign-out needs a session: without one, the visitor
 * goes to /signin?callbackUrl=<where they were going>. API routes are not matched: each checks
 * the session itself and answers 401 JSON (see app/_server/with-session.ts).
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.search = "";
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|_next/|(?:signin|register|signout)(?:[/.]|$)|favicon\\.ico$|screenshots/|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
