import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { EnqueueSpec } from "../lib/jobs";
import { e2eQueue, PASSWORD, registerAndSignIn } from "./support";

type JobState = { id: string; status: string };

/** Records jobs for a user the way a route handler would (optionally as a named batch). */
async function record(ownerId: string, specs: Omit<EnqueueSpec, "ownerId">[], batchName?: string) {
  const queue = e2eQueue();
  try {
    return await queue.enqueueMany(specs.map((s) => ({ ...s, ownerId })), { ownerId, batchName });
  } finally {
    await queue.store.db.$disconnect();
  }
}

const later = () => new Date(Date.now() + 3_600_000);
const row = (page: Page, id: string) => page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);
const jobState = async (page: Page, id: string) => (await page.request.get(`/api/jobs/${id}`)).json() as Promise<JobState>;

/** Set before the checks: still set at the end means the page never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test.beforeAll(async ({ browser }) => {
  // The first account ever registered becomes admin: take that seat, so the users below are not.
  const page = await browser.newPage();
  await registerAndSignIn(page);
  await page.close();
});

test("a batch of 3 runs side by side, live: cancel one, retry it and see it finish without a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const me = await registerAndSignIn(page);
  await markPage(page);
  const { batchId, jobIds } = await record(
    me.id,
    [1, 2, 3].map((i) => ({ kind: "test.sleep", name: `Sleeper ${i}`, payload: { ms: 8_000 } })),
    "e2e trio",
  );
  const [first, second] = jobIds as [string, string, string];

  const group = page.getByTestId("batch-row");
  await expect(group.getByTestId("batch-summary")).toHaveText("3 jobs: 3 running", { timeout: 15_000 });
  await group.getByRole("button", { name: "Batch “e2e trio”" }).click();
  await expect(group.locator('[data-testid="job-row"][data-status="running"]')).toHaveCount(3);
  await expect(page.getByTestId("tab-count-active")).toHaveText("3");
  await expect(page.getByTestId("summary-running")).toContainText("3");
  const progress = () => Promise.all(jobIds.map(async (id) => Number(await row(page, id).getByRole("progressbar").getAttribute("aria-valuenow"))));
  const start = await progress();
  await expect.poll(async () => (await progress()).every((p, i) => p > start[i]!), { timeout: 10_000 }).toBe(true);
  await expect(row(page, first).getByTestId("job-step")).toContainText(/step \d+ of 20/);

  await page.getByRole("button", { name: "Cancel “Sleeper 1”" }).click();
  await expect(row(page, first)).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId("tab-count-cancelled")).toHaveText("1");

  await page.getByRole("tab", { name: /All/ }).click();
  await expect(row(page, first)).toHaveAttribute("data-status", "cancelled");
  await page.getByRole("button", { name: "Retry “Sleeper 1”" }).click();
  await expect(row(page, first)).toHaveAttribute("data-status", /queued|running/);
  await expect(row(page, first)).toHaveAttribute("data-status", "running", { timeout: 10_000 });
  await expect(page.getByTestId("toast").filter({ hasText: "“Sleeper 2” finished" })).toBeVisible({ timeout: 20_000 });
  await expect(row(page, first)).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
  await expect(page.getByTestId("toast").filter({ hasText: "“Sleeper 1” finished" })).toBeVisible();
  expect((await jobState(page, second)).status).toBe("succeeded");

  // The drawer: both attempts, the cancel in the timeline, the payload.
  await row(page, first).getByRole("button", { name: "Sleeper 1", exact: true }).click();
  const drawer = page.getByRole("dialog", { name: "Sleeper 1" });
  await expect(drawer.getByTestId("attempt")).toHaveCount(2);
  await expect(drawer.getByTestId("attempt").first()).toContainText("cancelled");
  await expect(drawer.getByTestId("attempt").last()).toContainText("completed");
  await expect(drawer.getByTestId("timeline")).toContainText("Cancel requested");
  await expect(drawer.getByTestId("payload")).toContainText('"ms": 8000');
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  expect(await stillSamePage(page)).toBe(true);

  // /tasks?batch= (where the analysis form sends you): that batch, flat, with its summary.
  await page.goto(`/tasks?batch=${batchId}`);
  await expect(page.getByRole("heading", { name: "Batch “e2e trio”" })).toBeVisible();
  await expect(page.getByTestId("batch-banner").getByTestId("batch-summary")).toHaveText("3 jobs: 3 completed");
  await expect(page.locator('[data-testid="job-row"][data-status="succeeded"]')).toHaveCount(3);
  await expect(page.getByTestId("batch-row")).toHaveCount(0);
});

test("bulk cancel: select everything in progress and cancel it in one go", async ({ page }) => {
  const me = await registerAndSignIn(page);
  const { jobIds } = await record(me.id, [1, 2, 3].map((i) => ({ kind: "test.sleep", name: `Later ${i}`, payload: { ms: 1_000 }, runAt: later() })));
  await expect(page.locator('[data-testid="job-row"][data-status="queued"]')).toHaveCount(3, { timeout: 10_000 });
  await expect(page.getByTestId("tab-count-active")).toHaveText("3");

  await page.getByRole("checkbox", { name: "Select all" }).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Cancel (3)" }).click();
  await expect(page.getByTestId("empty-state")).toContainText("Nothing is running or waiting.");
  await expect(page.getByTestId("tab-count-cancelled")).toHaveText("3");
  for (const id of jobIds) expect((await jobState(page, id)).status).toBe("cancelled");
  // Nothing changes now: the page's polls are conditional and come back 304.
  await page.waitForResponse((r) => r.url().includes("/api/jobs?") && r.status() === 304, { timeout: 15_000 });

  // Tabs follow the keyboard (arrow keys move the selection).
  await page.getByRole("tab", { name: /In progress/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Completed/ })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/tab=succeeded/);
});

test("CSV export of the selection neutralises a formula in a job's name", async ({ page }) => {
  const me = await registerAndSignIn(page);
  await record(me.id, [
    { kind: "test.sleep", name: '=HYPERLINK("x")', payload: { ms: 1_000 }, runAt: later() },
    { kind: "test.sleep", name: "Plain, with a comma", payload: { ms: 1_000 }, runAt: later() },
  ]);
  await expect(page.getByTestId("job-row")).toHaveCount(2, { timeout: 10_000 });
  await page.getByRole("checkbox", { name: "Select all" }).check();

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\r\n");
  expect(lines[0]).toBe("id,name,kind,status,progress,step,attempts,maxAttempts,batch,owner,createdAt,startedAt,finishedAt,error");
  expect(text).toContain(`,"'=HYPERLINK(""x"")",test.sleep,queued,`);
  expect(text).toContain(`,"Plain, with a comma",test.sleep,queued,`);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const records = JSON.parse(fs.readFileSync((await json.path())!, "utf8")) as { name: string }[];
  expect(records.map((r) => r.name).sort()).toEqual(["=HYPERLINK(\"x\")", "Plain, with a comma"].sort());

  // The search narrows the list (and lands in the URL).
  await page.getByRole("searchbox", { name: "Search" }).fill("COMMA");
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page).toHaveURL(/q=COMMA/);
  await page.getByRole("searchbox", { name: "Search" }).fill("no such job");
  await expect(page.getByTestId("empty-state")).toContainText("No jobs match these filters.");
});

test("the language switch to 中文 is remembered across a reload, and back", async ({ page }) => {
  await registerAndSignIn(page);
  await page.getByLabel("Language").selectOption("zh");
  await expect(page.getByRole("heading", { name: "任务中心" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "任务中心" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /进行中/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "任务中心" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Task center" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the theme switch turns dark on and off, and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await registerAndSignIn(page);
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByLabel("Theme").selectOption("dark");
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
  await page.getByLabel("Theme").selectOption("light");
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("a second user's browser never sees the first user's jobs", async ({ page, browser }) => {
  const ann = await registerAndSignIn(page);
  const { batchId, jobIds } = await record(ann.id, [{ kind: "test.sleep", name: "Ann secret", payload: { ms: 1_000 }, runAt: later() }], "Ann's batch");
  await expect(page.getByTestId("batch-row").or(page.getByTestId("job-row"))).toHaveCount(1, { timeout: 10_000 });

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await registerAndSignIn(bob);
  await bob.getByRole("tab", { name: /All/ }).click();
  await expect(bob.getByTestId("empty-state")).toContainText("You have not submitted any jobs yet.");
  await expect(bob.getByTestId("tab-count-all")).toHaveText("0");
  await bob.goto(`/tasks?batch=${batchId}`);
  await expect(bob.getByRole("heading", { name: /This batch has no jobs you can see/ })).toBeVisible();
  await expect(bob.getByTestId("job-row")).toHaveCount(0);
  await expect(bob.locator("body")).not.toContainText("Ann");
  expect((await bob.request.get(`/api/jobs/${jobIds[0]}`)).status()).toBe(404);
  const list = (await (await bob.request.get("/api/jobs?status=queued")).json()) as { jobs: unknown[] };
  expect(list.jobs).toEqual([]);
  await bobContext.close();
});

test("an admin sees everyone's jobs with their owner, and the workers running them", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const someone = await registerAndSignIn(otherPage);
  await other.close();
  const { jobIds } = await record(someone.id, [{ kind: "test.sleep", name: "Someone's sleeper", payload: { ms: 20_000 } }]);

  const me = await registerAndSignIn(page);
  const queue = e2eQueue();
  await queue.store.db.user.update({ where: { id: me.id }, data: { role: "admin" } });
  await queue.store.db.$disconnect();
  // The role is in the session token: sign in again to get it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(me.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks/);
  await expect(page.getByText("admin", { exact: true })).toBeVisible();

  const theirs = row(page, jobIds[0]!);
  await expect(theirs).toHaveAttribute("data-status", "running", { timeout: 15_000 });
  await expect(theirs.getByTestId("job-owner")).toHaveText(`by ${someone.email}`);
  await expect(page.getByTestId("worker").filter({ hasText: "Someone's sleeper" })).toBeVisible({ timeout: 10_000 });
  await page.getByRole("combobox", { name: "Jobs of" }).selectOption("mine");
  await expect(theirs).toHaveCount(0);
  await page.getByRole("tab", { name: /All/ }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.request.post(`/api/jobs/${jobIds[0]}/cancel`, { headers: { Origin: new URL(page.url()).origin } });
});
