import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

test("schedule a watchlist from the analysis form, see its fire times in words, run it now and find its batch in the task center", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await registerAndSignIn(page);
  // The shared samples are imported on the server's first start.
  await expect
    .poll(async () => ((await (await page.request.get("/api/symbols")).json()) as { symbols: { symbol: string }[] }).symbols.map((s) => s.symbol), { timeout: 90_000 })
    .toEqual(expect.arrayContaining(["AAPL", "MSFT"]));

  // A watchlist, saved from the analysis form, then "Schedule…" carries the form's symbols and options.
  await page.goto("/analysis/new");
  await page.getByLabel(/^Symbols/).fill("AAPL, MSFT");
  await page.getByLabel(/Research depth/).fill("1");
  await page.getByPlaceholder("Watchlist name").fill("Tech pair");
  await page.getByRole("button", { name: "Save watchlist" }).click();
  await expect(page.getByText("Saved “Tech pair”.")).toBeVisible();
  await page.getByRole("link", { name: "Schedule…" }).click();
  await expect(page).toHaveURL(/\/schedules\/new\?symbols=AAPL%2CMSFT&depth=1/);
  await expect(page.getByLabel(/^Symbols/)).toHaveValue("AAPL\nMSFT");
  await expect(page.getByLabel(/Research depth/)).toHaveValue("1");

  await page.getByLabel("Name").fill("Morning tech");
  await page.getByLabel("Watchlist").selectOption({ label: "Tech pair (2)" });
  await expect(page.getByTestId("watchlist-symbols")).toHaveText("Symbols of “Tech pair”: AAPL, MSFT");
  await page.getByLabel("Time zone").fill("America/New_York");

  // An invalid expression is explained in words, and cannot be saved.
  const cron = page.getByLabel(/^Cron expression/);
  await cron.fill("0 25 * * 1-5");
  await expect(page.getByTestId("cron-check")).toHaveText("The hour field must be 0–23.");
  await expect(page.getByRole("button", { name: "Create schedule" })).toBeDisabled();
  await cron.fill("0 9 * * 1-5");
  await expect(page.getByTestId("cron-check")).toContainText("Weekdays (Monday–Friday) at 09:00, America/New_York time.");
  await expect(page.getByTestId("cron-check").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("cron-check").getByRole("listitem").first()).toHaveText(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d{2}-\d{2} 09:00$/);
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByRole("heading", { name: /Morning tech/ })).toBeVisible();
  const scheduleId = new URL(page.url()).pathname.split("/").pop()!;

  // The list: the schedule in words, its time zone, the next five fire times, active, not fired yet.
  await page.goto("/schedules");
  const row = page.getByTestId("schedule-row").filter({ hasText: "Morning tech" });
  await expect(row).toContainText("Weekdays (Monday–Friday) at 09:00");
  await expect(row).toContainText("America/New_York");
  await expect(row).toContainText("Watchlist Tech pair: AAPL, MSFT");
  await expect(row.getByTestId("fire-times").getByRole("listitem")).toHaveCount(5);
  await expect(row.getByTestId("schedule-state")).toHaveText("Active");
  await expect(row).toContainText("Not yet");

  // Pause and resume.
  await row.getByRole("button", { name: "Pause Morning tech" }).click();
  await expect(row.getByTestId("schedule-state")).toHaveText("Paused");
  await expect(row).toContainText("If resumed now:");
  await row.getByRole("button", { name: "Resume Morning tech" }).click();
  await expect(row.getByTestId("schedule-state")).toHaveText("Active");

  // Run now: a batch of two analyses at once, in the task center.
  await row.getByRole("button", { name: "Run now Morning tech" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Batch of 2 analyses enqueued" })).toBeVisible();
  await expect(row.getByTestId("fire-outcome")).toHaveAttribute("data-state", "enqueued");
  await expect(row).toContainText("(run now)");
  const batchLink = row.getByTestId("fire-outcome").getByRole("link", { name: "2 jobs" });
  const batchHref = await batchLink.getAttribute("href");
  expect(batchHref).toMatch(/^\/tasks\?batch=[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Open in the task center" }).click();
  await expect(page).toHaveURL(batchHref!);
  const jobs = page.getByTestId("job-row");
  await expect(jobs).toHaveCount(2);
  await expect(jobs.filter({ hasText: "Analyse AAPL" })).toHaveCount(1);
  await expect(jobs.filter({ hasText: "Analyse MSFT" })).toHaveCount(1);

  // The schedule's page lists the batch and how it went.
  await page.goto(`/schedules/${scheduleId}`);
  const fire = page.getByTestId("fire-row");
  await expect(fire).toHaveCount(1);
  await expect(fire).toContainText("Run now");
  await expect(fire.getByRole("link", { name: "2 jobs" })).toHaveAttribute("href", batchHref!);
  await expect(fire).toContainText("2 succeeded", { timeout: 150_000 });

  // Someone else cannot see, run or delete it.
  const other = await browser.newPage();
  await registerAndSignIn(other);
  expect((await other.request.get(`/api/schedules/${scheduleId}`)).status()).toBe(404);
  expect((await other.request.post(`/api/schedules/${scheduleId}/run`)).status()).toBe(404);
  expect((await other.request.delete(`/api/schedules/${scheduleId}`)).status()).toBe(404);
  expect(((await (await other.request.get("/api/schedules")).json()) as { schedules: unknown[] }).schedules).toEqual([]);
  await other.close();

  // Edit, then delete; the batch stays in the task center.
  await page.getByRole("link", { name: "Edit Morning tech" }).click();
  await expect(page.getByLabel("Name")).toHaveValue("Morning tech");
  await page.getByLabel("Name").fill("Evening tech");
  await page.getByRole("button", { name: "Weekdays 17:30" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: /Evening tech/ })).toBeVisible();
  await expect(page.getByText("Weekdays (Monday–Friday) at 17:30")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete Evening tech" }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await expect(page.getByText("No schedules yet.")).toBeVisible();
  const batch = (await (await page.request.get(`/api/jobs?batch=${batchHref!.split("=")[1]}`)).json()) as { jobs: { name: string }[] };
  expect(batch.jobs.map((j) => j.name).sort()).toEqual(["Analyse AAPL", "Analyse MSFT"]);
});
