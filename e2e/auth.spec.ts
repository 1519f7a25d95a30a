import { expect, test } from "@playwright/test";
import { e2eQueue, PASSWORD, registerAndSignIn, uniqueEmail } from "./support";

async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new user registers, signs in, sees the shell and signs out", async ({ page }) => {
  const { email } = await registerAndSignIn(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(page.getByRole("link", { name: "Tandem" })).toBeVisible();
  await expect(nav.getByRole("link")).toHaveText(["New analysis", "Task center", "Datasets", "Schedules"]);
  await expect(nav.getByRole("link", { name: "Task center" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Datasets" }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
  await nav.getByRole("link", { name: "New analysis" }).click();
  await expect(page.getByRole("heading", { name: "New analysis" })).toBeVisible();
  await nav.getByRole("link", { name: "Schedules" }).click();
  await expect(page).toHaveURL(/\/schedules$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/me")).status()).toBe(401);

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const { email } = await registerAndSignIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "not the password at all");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/signin/);
});

test("five wrong passwords lock the email, saying when to try again", async ({ page }) => {
  const { email } = await registerAndSignIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong guess ${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is wrong.");
  }
  const refused = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await signIn(page, email, PASSWORD);
  expect((await refused).status()).toBe(429);
  expect((await refused).headers()["retry-after"]).toBe("900");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many failed sign-ins. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/signin/);
});

test("registration explains a duplicate email and a weak password", async ({ page }) => {
  const { email } = await registerAndSignIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("already exists");

  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters for your password")).toBeVisible();
  await expect(page.getByLabel(/^Password/)).toHaveAttribute("aria-invalid", "true");
});

test("the registration API answers 201, 409, 422 with the rule, and 400", async ({ request, baseURL }) => {
  const headers = { Origin: baseURL! };
  const email = uniqueEmail("api");
  const created = await request.post("/api/register", { data: { email, password: PASSWORD }, headers });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ id: expect.any(String), email, role: expect.stringMatching(/^(user|admin)$/) });
  const dup = await request.post("/api/register", { data: { email: email.toUpperCase(), password: PASSWORD }, headers });
  expect(dup.status()).toBe(409);
  const weak = await request.post("/api/register", { data: { email: uniqueEmail("api"), password: "password123" }, headers });
  expect(weak.status()).toBe(422);
  expect((await weak.json()).issues).toEqual([{ path: "password", message: "That password is too common. Choose one that is harder to guess" }]);
});

test("signed out: pages redirect to sign-in and come back after it; APIs answer 401 JSON", async ({ page, request }) => {
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftasks$/);
  for (const path of ["/api/me", "/api/jobs"]) {
    const res = await request.get(path);
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: "Sign in to continue" });
  }

  const { email } = await registerAndSignIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/datasets?view=all");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdatasets%3Fview%3Dall$/);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/datasets\?view=all$/);
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
});

test("sign-in never sends you to another site, and a signed-in visit to it goes on to the app", async ({ page }) => {
  const { email } = await registerAndSignIn(page);
  await page.goto("/signin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/signout");
  await expect(page.getByRole("heading", { name: "Sign out?" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto("/signin?callbackUrl=%2F%5Cevil.example");
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/tasks$/);
});

test("malformed JSON and cross-site posts are refused clearly", async ({ request, baseURL }) => {
  const bad = await request.post("/api/register", { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json", Origin: baseURL! } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/not valid JSON/);
  const csrf = await request.post("/api/register", {
    data: { email: uniqueEmail(), password: PASSWORD },
    headers: { Origin: "https://evil.example" },
  });
  expect(csrf.status()).toBe(403);
  expect(await csrf.json()).toEqual({ error: "Cross-site requests are not allowed." });
});

test("a user never sees another user's jobs: 404 for their ids, absent from lists", async ({ browser }) => {
  const alice = await browser.newPage();
  const bob = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const a = await registerAndSignIn(alice);
  await registerAndSignIn(bob);
  const queue = e2eQueue();
  const { jobId } = await queue.enqueue({ kind: "test.unhandled", name: "Alice's private job", payload: {}, ownerId: a.id });
  await queue.store.db.$disconnect();

  expect((await alice.request.get(`/api/jobs/${jobId}`)).status()).toBe(200);
  const other = await bob.request.get(`/api/jobs/${jobId}`);
  expect(other.status()).toBe(404);
  expect((await bob.request.post(`/api/jobs/${jobId}/cancel`, { headers: { Origin: new URL(bob.url()).origin } })).status()).toBe(404);
  const list = (await (await bob.request.get("/api/jobs")).json()) as { jobs: { id: string }[] };
  expect(list.jobs.map((j) => j.id)).not.toContain(jobId);
  expect((await bob.request.get("/api/workers")).status()).toBe(403);
});
