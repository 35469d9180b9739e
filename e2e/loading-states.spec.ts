import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/personas";

// The audit page authorizes before its Suspense boundary: a reader who may not see it gets a real
// 403 (no 200 streamed first), and one who may sees the page at once with a skeleton where the
// events will be while the log is slow to read (held by a test hook, app/api/test-hooks/audit-read-pause).
test.describe("loading states that keep status codes", () => {
  test("a member who may not read the audit log gets 403, not a 200 with a skeleton", async ({ page }) => {
    await signInAs(page, "member", "/requests");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("Loading audit events…")).toHaveCount(0);
  });

  test("a slow audit log shows the page with an accessible skeleton, then the events", async ({ page }) => {
    await signInAs(page, "admin", "/requests");
    const hold = await page.request.post("/api/test-hooks/audit-read-pause", { data: { milliseconds: 6000 } });
    expect(hold.status()).toBe(200);
    const response = await page.goto("/audit", { waitUntil: "commit" });
    expect(response?.status()).toBe(200);
    const skeleton = page.getByRole("status").filter({ hasText: "Loading audit events…" });
    await expect(skeleton).toBeVisible({ timeout: 5000 });
    await expect(skeleton).toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
    await expect(page.getByRole("search").or(page.locator("form")).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    await expect(skeleton).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole("table").or(page.getByRole("region", { name: /No (matching )?audit events/ }))).toBeVisible();
  });
});
