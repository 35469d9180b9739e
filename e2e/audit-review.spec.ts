import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevRanges = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/ip-ranges`;

const { as } = personaBrowsers();

/** Asks for a range on the shared dev cluster and cancels it again: two events of the lead's tenant, nothing left pending. */
async function askAndCancel(page: Page, range: string, reason: string): Promise<string> {
  await page.goto(sharedDevRanges);
  await page.getByLabel("IPv4 address or CIDR range").fill(range);
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Request approval" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: "waiting for a platform admin" });
  await expect(confirmation).toBeVisible({ timeout: 30_000 });
  const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1] ?? "";
  expect(number).toMatch(/^\d+$/);
  await page.goto(`/requests/${number}`);
  await page.getByRole("button", { name: "Cancel request…" }).click();
  await page.getByRole("button", { name: "Yes, cancel the request" }).click();
  await expect(page.getByTestId("request-status")).toContainText("Cancelled", { timeout: 30_000 });
  return number;
}

const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`);

test.describe("audit review for every persona", () => {
  test("a Payments lead opens Audit, sees Payments' history and nothing of Search, and filters by a category", async ({ browser }) => {
    test.setTimeout(180_000);
    const search = await as(browser, "searchLead", "/");
    const searchRequest = await askAndCancel(search, "198.51.100.88", "Search indexer (audit review spec)");
    const lead = await as(browser, "paymentsLead", "/");
    const paymentsRequest = await askAndCancel(lead, "198.51.100.77", "Payments batch (audit review spec)");

    await lead.getByRole("navigation").getByRole("link", { name: "Audit" }).click();
    await expect(lead).toHaveURL(/\/audit$/);
    await expect(lead.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
    await expect(lead.getByText("The history of your tenants")).toBeVisible();
    const events = lead.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("link", { name: `Request #${paymentsRequest}` }).first()).toBeVisible();
    await expect(events.getByRole("link", { name: `Request #${searchRequest}` })).toHaveCount(0);
    await expect(events.getByText("Sofia Rossi")).toHaveCount(0);
    // Verifying the whole chain is an auditor's and admin's tool.
    await expect(lead.getByRole("button", { name: "Verify the audit chain" })).toHaveCount(0);

    await lead.getByLabel("Action").fill("request.*");
    await lead.getByRole("button", { name: "Apply filters" }).click();
    await expect(lead).toHaveURL(/action=request\.\*/);
    // The filtered events stream in (Suspense): poll until only requests' events are listed.
    const requestEventsOnly = async () => {
      const actions = await events.locator(":scope > tbody > tr > td:nth-child(3)").allTextContents();
      return actions.length >= 2 && actions.every((text) => text.startsWith("request."));
    };
    await expect.poll(requestEventsOnly, { timeout: 30_000 }).toBe(true);

    // The timeline of one request: everything that happened to it, linked from its row.
    await events.getByRole("link", { name: `History of Request #${paymentsRequest}` }).first().click();
    await expect(lead).toHaveURL(/target=change_request/);
    await expect(events.locator(":scope > tbody > tr")).toHaveCount(2);
    await expect(events).toContainText("request.cancelled");
    expect(await axeViolations(lead)).toEqual([]);

    // An invalid filter is named, never dropped; and Search's tenant cannot be asked for.
    await lead.goto("/audit?action=DROP%20TABLE&outcome=maybe");
    await expect(lead.getByRole("alert").filter({ hasText: "Some filters could not be read" })).toBeVisible();
    await expect(lead.getByLabel("Action")).toHaveAttribute("aria-invalid", "true");
    await expect(lead.getByText("Outcome is success, failure or denied.")).toBeVisible();
    await expect(lead.getByRole("table", { name: "Audit events" })).toHaveCount(0);
  });

  test("an auditor verifies the chain from the page", async ({ browser }) => {
    const auditor = await as(browser, "auditor", "/audit");
    await auditor.getByRole("button", { name: "Verify the audit chain" }).click();
    await expect(auditor.getByRole("status").filter({ hasText: "The chain is intact" })).toBeVisible({ timeout: 60_000 });
    await expect(auditor.getByText("npm run audit:verify")).toHaveCount(0);
  });

  test("pages have their own titles and the portal has a favicon", async ({ browser }) => {
    const admin = await as(browser, "admin", "/");
    await expect(admin).toHaveTitle("Overview · Clusterdesk");
    await admin.goto("/audit");
    await expect(admin).toHaveTitle("Audit · Clusterdesk");
    const icon = await admin.locator('head link[rel="icon"]').first().getAttribute("href");
    expect(icon).toBeTruthy();
    expect((await admin.request.get(icon ?? "")).status()).toBe(200);
  });
});

test.describe("the IP ranges page on a phone (390 px)", () => {
  test("shows the Remove action without scrolling sideways and keeps the header to two rows", async ({ browser }) => {
    const admin = await as(browser, "admin", sharedDevRanges);
    await admin.setViewportSize({ width: 390, height: 844 });
    const row = admin.getByRole("row", { name: /203\.0\.113\.0\/24/ });
    const remove = row.locator("summary", { hasText: "Remove" }).first();
    await expect(remove).toBeVisible();
    const box = await remove.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const description = admin.getByTestId("cluster-header-facts");
    const lineHeight = await description.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    const height = (await description.boundingBox())?.height ?? Infinity;
    expect(height).toBeLessThanOrEqual(2 * lineHeight + 1);
    expect(await axeViolations(admin)).toEqual([]);
  });
});
