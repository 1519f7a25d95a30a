/*
 * A small HTTP client for the real server: a cookie jar, registration and a next-auth credentials
 * sign-in (CSRF token from /api/auth/csrf, then the credentials callback), JSON and multipart
 * requests. Every request says it comes from the server's own origin, as the browser would.
 */
import crypto from "node:crypto";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix = "chaos"): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.com`;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.baseUrl);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** A JSON request; throws with the answer's text when the status is not `expect` (default any 2xx). */
  async json<T = unknown>(method: string, path: string, body?: unknown, expect?: number): Promise<T> {
    const response = await this.request(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (expect ? response.status !== expect : !response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.json<T>("GET", path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.json<T>("POST", path, body);
  }

  /** POST multipart/form-data with one file in the field "file" and text fields. */
  upload(path: string, fileName: string, bytes: Buffer, fields: Record<string, string> = {}): Promise<Response> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), fileName);
    return this.request(path, { method: "POST", body: form });
  }

  /** Registers a new account (201) and signs in with it. */
  async registerAndSignIn(email = uniqueEmail(), password = PASSWORD): Promise<{ id: string; email: string }> {
    await this.json("POST", "/api/register", { email, password }, 201);
    await this.signIn(email, password);
    return this.get<{ id: string; email: string }>("/api/me");
  }

  async signIn(email: string, password = PASSWORD): Promise<void> {
    const { csrfToken } = await this.get<{ csrfToken: string }>("/api/auth/csrf");
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    await response.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in as ${email} failed: ${response.status} ${response.headers.get("location") ?? ""}`);
    }
  }
}
