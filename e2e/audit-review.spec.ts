import { readFile } from "node:fs/promises";
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

/** Clicks an export link and returns the downloaded file's text. */
async function download(page: Page, link: "Export CSV" | "Export JSON lines"): Promise<string> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  return readFile(await (await started).path(), "utf8");
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

    // The lead's export holds their tenants' history only: their request, nothing of Search's.
    const leadCsv = await download(lead, "Export CSV");
    expect(leadCsv).toContain("request.cancelled");
    expect(leadCsv).toContain("Priya Patel");
    expect(leadCsv).not.toContain("Sofia Rossi");
    expect(leadCsv).not.toContain("Search indexer (audit review spec)");
    await lead.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(lead)).toEqual([]);
    expect(await lead.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await lead.setViewportSize({ width: 1280, height: 720 });

    // An invalid filter is named, never dropped; and Search's tenant cannot be asked for.
    await lead.goto("/audit?action=DROP%20TABLE&outcome=maybe");
    await expect(lead.getByRole("alert").filter({ hasText: "Some filters could not be read" })).toBeVisible();
    await expect(lead.getByLabel("Action")).toHaveAttribute("aria-invalid", "true");
    await expect(lead.getByText("Outcome is success, failure or denied.")).toBeVisible();
    await expect(lead.getByRole("table", { name: "Audit events" })).toHaveCount(0);
  });

  test("an auditor filters by a person and by a cluster, and exports exactly that view", async ({ browser }) => {
    test.setTimeout(240_000);
    const search = await as(browser, "searchLead", "/");
    const searchRequest = await askAndCancel(search, "198.51.100.98", "Search crawler (person filter spec)");
    const lead = await as(browser, "paymentsLead", "/");
    const paymentsRequest = await askAndCancel(lead, "198.51.100.97", "Payments settlement (person filter spec)");

    const auditor = await as(browser, "auditor", "/audit");
    const person = auditor.getByRole("combobox", { name: "Person" });
    await person.fill("Priya");
    await auditor.getByRole("option", { name: /Priya Patel/ }).click({ timeout: 30_000 });
    await expect(auditor.getByText("Selected: Priya Patel")).toBeVisible();
    await auditor.getByLabel("Cluster").selectOption({ label: "aks-shared-dev (rg-dev)" });
    await auditor.getByRole("button", { name: "Apply filters" }).click();
    await expect(auditor).toHaveURL(/person=[0-9a-f-]{36}.*cluster=/);
    const url = new URL(auditor.url());
    const [personId, clusterId] = [url.searchParams.get("person"), url.searchParams.get("cluster")];

    // Only Priya's acts on that cluster: her request's events, not Sofia's, not her sign-ins.
    const events = auditor.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("link", { name: `Request #${paymentsRequest}` }).first()).toBeVisible({ timeout: 30_000 });
    await expect(events.getByRole("link", { name: `Request #${searchRequest}` })).toHaveCount(0);
    const actors = await events.locator(":scope > tbody > tr > td:nth-child(2) > a").allTextContents();
    const actions = await events.locator(":scope > tbody > tr > td:nth-child(3)").allTextContents();
    expect(actors.length).toBeGreaterThanOrEqual(2);
    expect(actors.length).toBeLessThan(50);
    expect(actors.every((name) => name === "Priya Patel")).toBe(true);
    expect(actions.some((action) => action.startsWith("auth.sign_in"))).toBe(false);
    // The picker shows who the URL names after the reload.
    await expect(auditor.getByText("Selected: Priya Patel")).toBeVisible();

    // Both exports hold exactly the rows shown (fewer than a page), all Priya's, all on the cluster.
    const [header, ...csvRows] = (await download(auditor, "Export CSV")).trim().split("\n");
    const column = (name: string) => (header ?? "").split(",").indexOf(name);
    expect(csvRows).toHaveLength(actors.length);
    for (const row of csvRows) {
      const cells = row.split(",");
      expect(cells[column("actorObjectId")]).toBe(personId);
      expect(cells[column("clusterId")]).toBe(clusterId);
    }
    const lines = (await download(auditor, "Export JSON lines")).trim().split("\n").map((line) => JSON.parse(line) as { actorObjectId: string; clusterId: string; action: string; hash: string });
    expect(lines).toHaveLength(actors.length);
    expect(lines.every((line) => line.actorObjectId === personId && line.clusterId === clusterId && /^[0-9a-f]{64}$/.test(line.hash))).toBe(true);
    expect(lines.map((line) => line.action)).toEqual(expect.arrayContaining(["request.created", "request.cancelled"]));

    // A name typed but not picked is refused, never read as "everyone".
    await person.fill("Priya Pat");
    await auditor.getByRole("button", { name: "Apply filters" }).click();
    await expect(auditor.getByText("Choose a person from the list, or clear the field.")).toBeVisible();
    await expect(auditor).toHaveURL(url.toString());

    expect(await axeViolations(auditor)).toEqual([]);
    await auditor.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(auditor)).toEqual([]);
    expect(await auditor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
