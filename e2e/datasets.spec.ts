import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

const CSV = ["Date,Open,High,Low,Close,Adj Close,Volume"]
  .concat(
    Array.from({ length: 120 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const c = 100 + Math.sin(i / 5) * 10;
      return `${day},${(c - 1).toFixed(2)},${(c + 2).toFixed(2)},${(c - 2).toFixed(2)},${c.toFixed(2)},${c.toFixed(2)},${1000 + i}`;
    }),
  )
  .join("\n");

test("upload a CSV in the browser, follow its import to the end, and open its chart", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/datasets/upload");
  await page.getByLabel("Market data file").setInputFiles({ name: "acme-daily.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByLabel("Symbol, for a single-symbol file").fill("ACME");
  await page.getByRole("button", { name: "Upload and import" }).click();

  await expect(page.getByTestId("import-job-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");

  await page.getByRole("link", { name: "Follow it in the task center" }).click();
  await expect(page.getByText("Import acme-daily").first()).toBeVisible();

  await page.goto("/datasets");
  const row = page.getByTestId("dataset-row").filter({ hasText: "acme-daily" });
  await expect(row).toContainText("ready");
  await expect(row).toContainText("ACME");
  await expect(row).toContainText("120");
  await expect(row).toContainText("daily");
  await row.getByRole("link", { name: "acme-daily" }).click();
  await expect(page.getByRole("heading", { name: /acme-daily/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "ACME prices" }).locator("canvas").first()).toBeVisible();
  await expect(page.getByText("Rows read")).toBeVisible();
});

test("the shared sample datasets are there on first start, ready to chart", async ({ page }) => {
  await registerAndSignIn(page);
  await page.goto("/datasets");
  const sp500 = page.getByTestId("dataset-row").filter({ hasText: "S&P 500 daily" });
  await expect(sp500).toContainText("ready", { timeout: 60_000 });
  await expect(sp500).toContainText("SPX");
  const stocks = page.getByTestId("dataset-row").filter({ hasText: "Tech stocks monthly" });
  await expect(stocks).toContainText("ready", { timeout: 60_000 });
  await expect(stocks).toContainText("monthly");
  // Samples are shared: a user cannot delete them.
  await expect(sp500.getByRole("button", { name: /Delete/ })).toHaveCount(0);
});

test("bad uploads get clear answers", async ({ page }) => {
  await registerAndSignIn(page);
  const post = (name: string, body: Buffer | string, mimeType = "text/csv") =>
    page.request.post("/api/datasets", { multipart: { file: { name, mimeType, buffer: Buffer.from(body) } }, headers: { origin: new URL(page.url()).origin } });

  const binary = await post("prices.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  expect(binary.status()).toBe(415);
  expect((await binary.json()).error).toMatch(/not a text file/);

  const wrongType = await post("prices.xlsx", "a,b\n1,2\n");
  expect(wrongType.status()).toBe(415);

  const badColumns = await post("columns.csv", "foo,bar\n1,2\n");
  expect(badColumns.status()).toBe(202);
  const { datasetId } = (await badColumns.json()) as { datasetId: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/datasets/${datasetId}`)).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe("failed");
  const failed = (await (await page.request.get(`/api/datasets/${datasetId}`)).json()) as { errorMessage: string };
  expect(failed.errorMessage).toMatch(/foo/);
});
