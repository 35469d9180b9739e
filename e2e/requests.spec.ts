import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/personas";

// Requests can only be created through the UI once the IP-range form on the cluster page exists
// (no test-only backdoor); until then this spec covers what a fresh installation shows. The
// behaviour with requests (visibility, decisions, concurrency) is covered by integration tests.

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("requests", () => {
  test("sends signed-out visitors to sign-in and back", async ({ page }) => {
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Frequests$/);
    await page.goto("/requests/1");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Frequests%2F1$/);
  });

  test("shows a team lead their requests, with no inbox, and an empty state", async ({ page }) => {
    // Sofia (search) rather than Priya (payments): the cluster-page flow will create Priya's requests.
    await signInAs(page, "searchLead", "/requests");
    await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    const filters = page.getByRole("navigation", { name: "Request filters" });
    await expect(filters.getByRole("link", { name: /^All/ })).toHaveAttribute("aria-current", "page");
    await expect(filters.getByRole("link", { name: /^Inbox/ })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "No requests yet" })).toBeVisible();
    await expectNoAxeViolations(page);

    await filters.getByRole("link", { name: /^Mine/ }).click();
    await expect(page).toHaveURL(/view=mine/);
    await expect(page.getByRole("region", { name: "You have not asked for anything yet" })).toBeVisible();
  });

  test("opens an admin's requests on the inbox, and switches filters", async ({ page }) => {
    await signInAs(page, "admin", "/requests");
    const filters = page.getByRole("navigation", { name: "Request filters" });
    await expect(filters.getByRole("link", { name: /^Inbox/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("region", { name: "Nothing awaits your decision" })).toBeVisible();
    await expectNoAxeViolations(page);

    await filters.getByRole("link", { name: /^Failed/ }).click();
    await expect(filters.getByRole("link", { name: /^Failed/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("region", { name: "No failed changes" })).toBeVisible();
  });

  test("answers unknown and malformed request numbers with a 404", async ({ page }) => {
    await signInAs(page, "auditor", "/requests");
    for (const path of ["/requests/999999", "/requests/not-a-number"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});
