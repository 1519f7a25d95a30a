import { epochMs } from "./latency";

export const BENCH_PASSWORD = "correct horse battery staple";

/** A signed-in API client: keeps the cookies next-auth sets and sends the Origin header writes need. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  userId = "";

  constructor(readonly baseUrl: string) {}

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (init.method && init.method !== "GET") headers.set("origin", this.baseUrl);
    const send = () => fetch(this.baseUrl + pathname, { ...init, headers, redirect: "manual" });
    const res = await send().catch((err: unknown) => {
      // A kept-alive connection the server closed while this process was busy (seeding, say) fails
      // the next request at once; like a browser, send a GET again on a new connection.
      if ((init.method ?? "GET") === "GET" && (err as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET") return send();
      throw err;
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }

  /** One request, timed from sending to the whole body read. */
  async timed(pathname: string, init?: RequestInit): Promise<{ res: Response; body: string; ms: number }> {
    const t0 = epochMs();
    const res = await this.request(pathname, init);
    const body = await res.text();
    return { res, body, ms: epochMs() - t0 };
  }
}

/**
 * Registers through POST /api/register, then signs in through next-auth's credentials callback
 * with its CSRF token, as the sign-in form does.
 */
export async function registerAndSignIn(baseUrl: string, email: string): Promise<HttpSession> {
  const session = new HttpSession(baseUrl);
  const registered = await session.request("/api/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (registered.status !== 201) throw new Error(`registering ${email}: HTTP ${registered.status} ${await registered.text()}`);
  const { csrfToken } = (await (await session.request("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await session.request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, callbackUrl: `${baseUrl}/tasks`, json: "true" }),
  });
  await signIn.text();
  const me = await session.request("/api/me");
  if (me.status !== 200) throw new Error(`signing in ${email}: HTTP ${signIn.status}, then /api/me answered ${me.status}`);
  session.userId = ((await me.json()) as { id: string }).id;
  return session;
}
