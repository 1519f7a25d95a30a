import { signinLimitWaitSeconds } from "./signin-error-message";

/**
 * next-auth answers every refused sign-in alike: 401 with the error in the URL it returns. A sign-in
 * refused by the rate limit is given its own status, 429 with Retry-After, so scripts and proxies see
 * it for what it is; the body stays next-auth's, so its client shows the same message. Redirects (a
 * form posted without JavaScript) are left as they are.
 */
export async function withSigninRateLimitStatus(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const body = await response.text();
  const wait = signinLimitWaitSeconds(errorOf(body));
  const headers = new Headers(response.headers);
  if (wait === null) return new Response(body, { status: response.status, headers });
  headers.set("Retry-After", String(wait));
  return new Response(body, { status: 429, headers });
}

function errorOf(body: string): string | null {
  try {
    const { url } = JSON.parse(body) as { url?: unknown };
    return typeof url === "string" ? new URL(url, "http://localhost").searchParams.get("error") : null;
  } catch {
    return null;
  }
}
