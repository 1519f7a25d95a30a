import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { createDatabase } from "../lib/db/client";
import { JobQueue } from "../lib/jobs";
import { E2E_DB_FILE } from "../playwright.config";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.com`;
}

/** Registers through the form and lands signed in on the task center. */
export async function registerAndSignIn(page: Page, email = uniqueEmail()): Promise<{ email: string; id: string }> {
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  return { email, id: ((await me.json()) as { id: string }).id };
}

/** A queue on the e2e server's database: tests record jobs the way a route handler would. */
export function e2eQueue(): JobQueue {
  const { db } = createDatabase({ dialect: "sqlite", file: E2E_DB_FILE });
  return new JobQueue({ db, dialect: "sqlite" });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
