import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { createDatabase } from "../lib/db/client";
import { E2E_DB_DIR, E2E_DB_FILE } from "../playwright.config";
import { registerAndSignIn, uniqueEmail } from "./support";

const SESSION_COOKIE = "next-auth.session-token";
/** The e2e server's token secret: generated into its data directory on first start. */
const serverSecret = () => fs.readFileSync(path.join(E2E_DB_DIR, "data", "nextauth-secret"), "utf8").trim();

test.describe("security headers", () => {
  const expectSecurityHeaders = (headers: Record<string, string>, where: string) => {
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp, `${where}: ${directive}`).toContain(directive);
    }
    expect(csp, where).not.toContain("'unsafe-eval'");
    // No inline script runs unless it carries the page's nonce; API answers allow none at all.
    expect(csp, where).toMatch(where.startsWith("/api/") ? /script-src 'self';/ : /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic';/);
    expect(headers["x-content-type-options"], where).toBe("nosniff");
    expect(headers["x-frame-options"], where).toBe("DENY");
    expect(headers["referrer-policy"], where).toBe("same-origin");
    expect(headers["permissions-policy"], where).toContain("camera=()");
    expect(headers["x-powered-by"], where).toBeUndefined();
  };

  test("pages and API answers carry a Content-Security-Policy and the other security headers", async ({ page, request }) => {
    for (const url of ["/signin", "/register", "/api/me", "/api/jobs"]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expectSecurityHeaders(response.headers(), url);
    }
    const [first, second] = [await request.get("/signin"), await request.get("/signin")];
    expect(first.headers()["content-security-policy"]).not.toBe(second.headers()["content-security-policy"]);
    const violations: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await registerAndSignIn(page);
    for (const url of ["/tasks", "/datasets", "/analysis/new", "/schedules"]) {
      const response = await page.goto(url);
      expectSecurityHeaders(response!.headers(), url);
      await expect(page.getByTestId("signed-in-user")).toBeVisible();
    }
    expect(violations).toEqual([]);

    // Markup that got into the page anyway (past React's escaping) cannot run its inline handler:
    // the image fails to load (so the handler would have run), and the CSP refuses it.
    const ran = await page.evaluate(async () => {
      const img = Object.assign(document.createElement("div"), { innerHTML: '<img src="/no-such-image.png" onerror="window.__injected=1">' }).firstChild!;
      const failed = new Promise((resolve) => img.addEventListener("error", resolve));
      document.body.append(img);
      await failed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injected?: number }).__injected ?? null;
    });
    expect(ran).toBeNull();
  });
});

test.describe("sessions", () => {
  const tokenFor = async (user: { id: string; email: string }, maxAge: number) =>
    encode({ token: { sub: user.id, uid: user.id, role: "user", email: user.email, name: null }, secret: serverSecret(), maxAge });

  test("a session token lasts SESSION_MAX_AGE_HOURS (24 by default)", async ({ page }) => {
    await registerAndSignIn(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const token = (await decode({ token: cookie.value, secret: serverSecret() }))!;
    expect(Number(token.exp) - Number(token.iat)).toBe(24 * 3600);
  });

  test("an expired session is refused: 401 on the API, back to sign-in on pages", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const user = await registerAndSignIn(page);
    await context.clearCookies();
    const setSession = (value: string) => context.addCookies([{ name: SESSION_COOKIE, value, url: page.url(), httpOnly: true, sameSite: "Lax" }]);

    // A token made the same way but still valid is accepted: the refusal below is about expiry only.
    await setSession(await tokenFor(user, 3600));
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await setSession(await tokenFor(user, -60));
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(401);
    expect(await me.json()).toEqual({ error: "Sign in to continue" });
    await page.goto("/tasks");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftasks$/);
    await context.close();
  });

  test("a forged token (wrong secret) is refused", async ({ page }) => {
    const user = await registerAndSignIn(page);
    await page.context().clearCookies();
    const forged = await encode({ token: { sub: user.id, uid: user.id, role: "admin", email: user.email }, secret: "not-the-server-secret", maxAge: 3600 });
    await page.context().addCookies([{ name: SESSION_COOKIE, value: forged, url: page.url() }]);
    expect((await page.request.get("/api/me")).status()).toBe(401);
    expect((await page.request.get("/api/workers")).status()).toBe(401);
  });
});

test("next-auth's sign-in refuses a post without its CSRF token, and hostile credentials never break it", async ({ request }) => {
  const noSession = (response: { headers(): Record<string, string> }) => expect(response.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
  const withoutToken = await request.post("/api/auth/callback/credentials", { form: { email: "someone@example.com", password: "whatever it is" }, maxRedirects: 0 });
  expect(withoutToken.status()).toBe(302);
  expect(withoutToken.headers().location).toMatch(/csrf=true/);
  noSession(withoutToken);

  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempts: [string, string][] = [
    ["nul\u0000@example.com", "a password"],
    [`${"x".repeat(10_000)}@example.com`, "y".repeat(100_000)],
    ["<script>alert(1)</script>@example.com", "bell\u0007"],
    ["' OR 1=1 --", "' OR 1=1 --"],
  ];
  for (const [email, password] of attempts) {
    const response = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" }, maxRedirects: 0 });
    expect(response.status(), email.slice(0, 40)).toBeGreaterThanOrEqual(300);
    expect(response.status(), email.slice(0, 40)).toBeLessThan(500);
    noSession(response);
  }
});

test("signed in, a cross-site write is refused and changes nothing", async ({ page, baseURL }) => {
  await registerAndSignIn(page);
  const evil = { Origin: "https://evil.example" };
  const created = await page.request.post("/api/watchlists", { data: { name: "Mine", symbols: ["SPX"] }, headers: { Origin: baseURL! } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const response of [
    await page.request.post("/api/watchlists", { data: { name: "Planted", symbols: ["SPX"] }, headers: evil }),
    await page.request.delete(`/api/watchlists/${id}`, { headers: evil }),
    await page.request.post("/api/analyses", { data: { symbols: ["SPX"] }, headers: { "Sec-Fetch-Site": "cross-site" } }),
  ]) {
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-site requests are not allowed." });
  }
  const { watchlists } = (await (await page.request.get("/api/watchlists")).json()) as { watchlists: { name: string }[] };
  expect(watchlists.map((l) => l.name)).toEqual(["Mine"]);
});

test.describe("hostile text is shown as text", () => {
  const XSS = `<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=1;alert(2)</script>`;
  const HOSTILE_REPORT = [
    "# Report <script>window.__xss=1;alert(3)</script>",
    "",
    '<img src=x onerror="window.__xss=1;alert(4)">',
    "",
    "[click me](javascript:window.__xss=1;alert(5))",
    "",
    '<a href="javascript:alert(6)">raw link</a> <iframe src="javascript:alert(7)"></iframe>',
    "",
    "![pic](javascript:alert(8))",
  ].join("\n");

  async function expectNothingRan(page: Page, dialogs: string[]) {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("[onerror], iframe, a[href^='javascript:' i], img[src^='javascript:' i]").count()).toBe(0);
  }

  test("in job and batch names, dataset and file names, and the Markdown report", async ({ page }) => {
    test.setTimeout(150_000);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await registerAndSignIn(page, uniqueEmail("xss"));
    await expect
      .poll(async () => ((await (await page.request.get("/api/symbols")).json()) as { symbols: { symbol: string }[] }).symbols.map((s) => s.symbol), { timeout: 90_000 })
      .toContain("SPX");

    // A batch titled with markup, its job renamed with markup, its report replaced by hostile Markdown.
    const submitted = await page.request.post("/api/analyses", { data: { symbols: ["SPX"], title: `Batch ${XSS}` } });
    expect(submitted.status()).toBe(202);
    const { jobIds } = (await submitted.json()) as { jobIds: string[] };
    const jobId = jobIds[0]!;
    await expect.poll(async () => ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { status: string }).status, { timeout: 90_000 }).toBe("succeeded");
    const { db } = createDatabase({ dialect: "sqlite", file: E2E_DB_FILE });
    try {
      const job = (await db.job.findUnique({ where: { id: jobId } }))!;
      await db.job.update({ where: { id: jobId }, data: { name: `Job ${XSS}`, result: { ...(job.result as object), report: HOSTILE_REPORT } } });
    } finally {
      await db.$disconnect();
    }

    // A dataset named and uploaded under a name with markup.
    const upload = await page.request.post("/api/datasets", {
      multipart: {
        name: `Data ${XSS}`,
        file: { name: `<img src=x onerror=alert(9)>.csv`, mimeType: "text/csv", buffer: Buffer.from("date,close\n2020-01-02,10\n2020-01-03,11\n") },
      },
    });
    expect(upload.status()).toBe(202);
    const { datasetId } = (await upload.json()) as { datasetId: string };

    await page.goto(`/tasks?tab=all&job=${jobId}`);
    await expect(page.getByText(`Job ${XSS}`).first()).toBeVisible();
    await expect(page.getByText(`Batch ${XSS}`).first()).toBeVisible();
    await expectNothingRan(page, dialogs);

    await page.goto("/datasets");
    await expect(page.getByText(`Data ${XSS}`).first()).toBeVisible();
    await expect(page.getByText("<img src=x onerror=alert(9)>.csv").first()).toBeVisible();
    await expectNothingRan(page, dialogs);
    await page.goto(`/datasets/${datasetId}`);
    await expect(page.getByText(`Data ${XSS}`).first()).toBeVisible();
    await expectNothingRan(page, dialogs);

    await page.goto(`/analysis/${jobId}`);
    const report = page.getByTestId("report");
    await expect(report.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(report.getByText("click me")).toBeVisible();
    await expect(report.locator("script")).toHaveCount(0);
    await expectNothingRan(page, dialogs);
  });
});
