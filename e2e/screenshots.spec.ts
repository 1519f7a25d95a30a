import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { Prisma } from "../lib/db/generated/sqlite";
import type { Json } from "../lib/jobs";
import { e2eQueue, registerAndSignIn } from "./support";

// Regenerates docs/screenshots/tasks-{light,dark,zh,phone}.png: SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to regenerate the screenshots in docs/screenshots");

const OUT = path.join(process.cwd(), "docs", "screenshots");
const ago = (s: number) => new Date(Date.now() - s * 1000);

/** Frees the worker's slots for the specs that run after this one. */
async function stopJobs(jobIds: string[]) {
  const queue = e2eQueue();
  try {
    for (const id of jobIds) await queue.cancel(id);
    await expect.poll(async () => queue.store.db.job.count({ where: { id: { in: jobIds }, status: "running" } }), { timeout: 15_000 }).toBe(0);
  } finally {
    await queue.store.db.$disconnect();
  }
}

/**
 * A task center with jobs in every state: a live batch, a job waiting for a slot, finished, failed,
 * cancelled, retrying. Returns the jobs that keep the worker busy, to stop them afterwards.
 */
async function seed(ownerId: string, busyOwnerId: string): Promise<string[]> {
  const queue = e2eQueue();
  const db = queue.store.db;
  try {
    // Another user's long jobs fill the worker's 3 slots, so this user's queued job stays queued.
    const busy = await queue.enqueueMany([1, 2, 3].map((i) => ({ kind: "test.sleep", name: `Busy ${i}`, payload: { ms: 120_000 } })), { ownerId: busyOwnerId });
    await expect.poll(async () => db.job.count({ where: { id: { in: busy.jobIds }, status: "running" } }), { timeout: 15_000 }).toBe(3);

    const set = (id: string, data: Prisma.JobUpdateInput) => db.job.update({ where: { id }, data });
    const { jobIds: batch } = await queue.enqueueMany(
      ["600519", "000858", "000568"].map((s) => ({ kind: "analysis", name: `Analyse ${s}`, payload: { symbol: s } })),
      { ownerId, batchName: "Baijiu leaders" },
    );
    for (const id of batch) await set(id, { createdAt: ago(45), runAt: ago(45), maxAttempts: 2 });
    await set(batch[0]!, { status: "running", attempts: 1, progress: 64, progressLabel: "Technical analysis", startedAt: ago(38), workerId: "web-1:4120:a1b2c3" });
    await set(batch[1]!, { status: "running", attempts: 1, progress: 22, progressLabel: "Load data", startedAt: ago(9), workerId: "web-1:4120:a1b2c3" });

    const single = async (kind: string, name: string, payload: Json, createdSecondsAgo: number, data: Prisma.JobUpdateInput) => {
      const { jobId } = await queue.enqueue({ kind, name, payload, ownerId });
      await set(jobId, { createdAt: ago(createdSecondsAgo), runAt: ago(createdSecondsAgo), ...data });
    };
    await single("analysis", "Analyse 000001", { symbol: "000001" }, 70, {
      attempts: 1,
      maxAttempts: 2,
      errorMessage: "The data feed timed out.",
      runAt: new Date(Date.now() + 50_000),
    });
    await single("analysis", "Analyse 002594", { symbol: "002594" }, 95, { status: "cancelled", attempts: 1, progress: 35, progressLabel: "Risk analysis", startedAt: ago(90), finishedAt: ago(60) });
    await single("analysis", "Analyse 601318", { symbol: "601318" }, 160, {
      status: "failed",
      attempts: 2,
      maxAttempts: 2,
      progress: 5,
      progressLabel: "Load data",
      startedAt: ago(150),
      finishedAt: ago(120),
      errorMessage: "No price data for 601318. Upload a dataset that has it, then retry.",
    });
    await single("dataset-import", "Import csi300-daily.csv", { datasetId: "sample" }, 400, { status: "succeeded", attempts: 1, progress: 100, startedAt: ago(398), finishedAt: ago(340) });
    await single("analysis", "Analyse 300750", { symbol: "300750" }, 300, { status: "succeeded", attempts: 1, progress: 100, progressLabel: "Decision", startedAt: ago(299), finishedAt: ago(251) });
    return busy.jobIds;
  } finally {
    await db.$disconnect();
  }
}

async function shoot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
}

test("screenshots of the task center: light, dark, Chinese, phone", async ({ browser }) => {
  test.setTimeout(120_000);
  const busyPage = await browser.newPage();
  const busy = await registerAndSignIn(busyPage);
  await busyPage.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light", locale: "en-US" });
  const page = await context.newPage();
  const me = await registerAndSignIn(page, "analyst@tandem.example");
  const busyJobs = await seed(me.id, busy.id);
  try {

    await page.goto("/tasks?tab=all");
    const group = page.getByTestId("batch-row");
    await expect(group.getByTestId("batch-summary")).toHaveText("3 jobs: 2 running, 1 queued");
    await group.getByRole("button", { name: "Batch “Baijiu leaders”" }).click();
    await expect(page.getByTestId("job-row")).toHaveCount(8);
    await shoot(page, "tasks-light.png");

    await page.getByLabel("Theme").selectOption("dark");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await shoot(page, "tasks-dark.png");

    await page.getByLabel("Theme").selectOption("light");
    await page.getByLabel("Language").selectOption("zh");
    await expect(page.getByRole("heading", { name: "任务中心" })).toBeVisible();
    await expect(page.getByTestId("job-row")).toHaveCount(8);
    await shoot(page, "tasks-zh.png");
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { name: "Task center" })).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "tasks-phone.png");
  } finally {
    await stopJobs(busyJobs);
  }
  await context.close();
});
