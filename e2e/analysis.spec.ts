import { expect, test } from "@playwright/test";
import { registerAndSignIn } from "./support";

test("submit a batch of 3 from the form, watch them run together, open a finished report with its chart", async ({ page }) => {
  test.setTimeout(180_000);
  await registerAndSignIn(page);
  // The shared samples are imported on the server's first start.
  await expect
    .poll(async () => ((await (await page.request.get("/api/symbols")).json()) as { symbols: { symbol: string }[] }).symbols.map((s) => s.symbol), { timeout: 90_000 })
    .toEqual(expect.arrayContaining(["AAPL", "MSFT", "SPX"]));

  await page.goto("/analysis/new");
  const symbols = page.getByRole("textbox", { name: /^Symbols/ });
  await symbols.fill("AAPL, msft\nSPX nope aapl");
  await expect(page.getByTestId("symbol-chip")).toHaveCount(4);
  await expect(page.getByText("No data for NOPE")).toBeVisible();
  await expect(page.getByText("Removed duplicates: AAPL")).toBeVisible();
  await expect(page.getByRole("button", { name: /Analyse/ })).toBeDisabled();
  await symbols.fill("AAPL, msft\nSPX");
  await page.getByLabel("Batch title (optional)").fill("Three at once");
  await page.getByLabel(/Research depth/).fill("3");
  await page.getByRole("button", { name: "Analyse 3 symbols" }).click();

  await expect(page).toHaveURL(/\/tasks\?batch=/);
  const rows = page.getByTestId("job-row");
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="job-row"][data-status="running"]')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.locator('[data-testid="job-row"][data-status="succeeded"]')).toHaveCount(3, { timeout: 150_000 });

  await rows.filter({ hasText: "Analyse SPX" }).getByRole("link", { name: /result|open/i }).first().click();
  await expect(page.getByRole("heading", { name: "SPX analysis" })).toBeVisible();
  await expect(page.getByTestId("decision")).toHaveText(/BUY|HOLD|SELL/);
  await expect(page.getByTestId("result-chart").locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("report")).toContainText("SPX");
  await expect(page.getByRole("button", { name: "Download report (.md)" })).toBeVisible();
});
