import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/personas";

test.describe("app shell", () => {
  test("shows the navigation, the local-mode banner and no accessibility violations", async ({ page }) => {
    await signInAs(page, "admin");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("note")).toContainText("Local mode — demo organisation, no real Azure resources are touched");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of ["Clusters", "Requests", "Tenants", "Access", "Audit"]) {
      await expect(nav.getByRole("link", { name: section })).toBeVisible();
    }

    await nav.getByRole("link", { name: "Clusters" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(nav.getByRole("link", { name: "Clusters" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("table", { name: "AKS clusters" })).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("keeps the chosen theme across reloads, in both themes without violations", async ({ page }) => {
    await signInAs(page, "admin");
    for (const theme of ["dark", "light"] as const) {
      await page.getByLabel("Theme").selectOption(theme);
      await page.reload();
      await expect(page.locator("html")).toHaveClass(theme);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${theme} ${violation.id}: ${violation.help}`)).toEqual([]);
    }
  });

  test("answers unknown pages with a 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("reports health", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", checks: { database: { ok: true } } });
  });
});
