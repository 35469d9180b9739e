import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/personas";

// Other specs (the IP-range flow) create requests in the same server run, so these tests do not
// assume an empty installation: the lead has none of their own (Dana, analytics, makes none), and
// the admin's inbox may hold others' pending requests. Visibility and decisions with requests are
// covered by the IP-range flow and by integration tests.

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
    // Dana (analytics) rather than Priya or Sofia: the IP-range flow creates theirs.
    await signInAs(page, "analyticsLead", "/requests");
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
    // Either nothing awaits Alex, or what does is pending and asked for by somebody else.
    const inbox = page.getByRole("table", { name: /^Inbox requests/ });
    const empty = page.getByRole("region", { name: "Nothing awaits your decision" });
    await expect(inbox.or(empty)).toBeVisible();
    if (await inbox.isVisible()) {
      const rows = inbox.locator("tbody tr");
      for (const row of await rows.all()) {
        await expect(row).toContainText("Pending");
        await expect(row).not.toContainText("Alex Admin");
      }
    }
    await expectNoAxeViolations(page);

    await filters.getByRole("link", { name: /^Failed/ }).click();
    await expect(filters.getByRole("link", { name: /^Failed/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("region", { name: "No failed changes" })).toBeVisible();
  });

  test("keeps the kind filter in the URL and reports an unknown kind", async ({ page }) => {
    // Dana (analytics) makes no requests: her list is empty whatever other specs did before.
    await signInAs(page, "analyticsLead", "/requests?view=mine&kind=bogus");
    await expect(page.getByRole("status").filter({ hasText: "There is no request kind “bogus”: showing every kind." })).toBeVisible();
    const filter = page.getByRole("search", { name: "Filter requests" });
    await filter.getByLabel("Kind").selectOption("namespace-access");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/requests\?view=mine&kind=namespace-access$/);
    await expect(page.getByRole("region", { name: "No namespace access requests here" })).toBeVisible();
    await expect(filter.getByLabel("Kind")).toHaveValue("namespace-access");
    await expectNoAxeViolations(page);
  });

  test("says when a page is past the end instead of labelling it page 1", async ({ page }) => {
    // The admin sees every request; ?page=99 is past the end unless there are none at all.
    await signInAs(page, "admin", "/requests?view=all&page=99");
    const pastTheEnd = page.getByRole("navigation", { name: "Pages" }).getByText(/^Page 99 is past the end: there (is 1 page|are \d+ pages)$/);
    await expect(pastTheEnd.or(page.getByRole("region", { name: "No requests yet" }))).toBeVisible();
    await expect(page.getByText("Page 1 of 1")).toHaveCount(0);
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
