import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { waitForInventory } from "./support/inventory";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

// Pages authorize (and look their resource up) before their Suspense boundaries: a reader who may
// not see a page gets a real 403, an unknown resource a real 404 (no 200 streamed first, as a
// route-level loading.tsx would send), and one who may sees the header at once with a skeleton where
// the slow part will be. Slow parts are held by test hooks: reads of the audit log
// (app/api/test-hooks/audit-read-pause) or one named page section (app/api/test-hooks/slow-section).

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const production = "0b1f6471-1bf0-4dda-aec3-111122223333";
const sharedDev = `/clusters/${nonProduction}/rg-dev/aks-shared-dev`;
const searchProd = `/clusters/${production}/rg-search-prod/aks-search-prod`;

const { as } = personaBrowsers();

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function expectStatusWithoutSkeleton(page: Page, path: string, status: number) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.getByTestId("loading-section")).toHaveCount(0);
}

/**
 * At desktop and at 390 px width: holds `section` for 10 s, opens `path` and checks the header and an
 * axe-clean skeleton, then that the content replaces it. One hold per width, so a slow axe run on a
 * loaded machine does not outlast the skeleton it is meant to check.
 */
async function expectSkeletonThenContent(page: Page, options: { section: string; path: string; skeleton: string; heading: string | RegExp; content: () => ReturnType<Page["getByRole"]> }) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const hold = await page.request.post("/api/test-hooks/slow-section", { data: { section: options.section, milliseconds: 10_000 } });
    expect(hold.status()).toBe(200);
    const response = await page.goto(options.path, { waitUntil: "commit" });
    expect(response?.status()).toBe(200);
    const skeleton = page.getByRole("status").filter({ hasText: options.skeleton });
    await expect(skeleton, `${options.path} at ${width} px`).toBeVisible({ timeout: 8000 });
    await expect(skeleton).toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("heading", { level: 1, name: options.heading })).toBeVisible();
    await expect(options.content()).toHaveCount(0);
    await expectNoAxeViolations(page);

    await expect(skeleton).toHaveCount(0, { timeout: 30_000 });
    await expect(options.content()).toBeVisible();
  }
}

test.describe("loading states that keep status codes", () => {
  test("a member who may not read the audit log gets 403, not a 200 with a skeleton", async ({ page }) => {
    await signInAs(page, "member", "/requests");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("Loading audit events…")).toHaveCount(0);
  });

  // The list pages keep their route loading.tsx: they refuse nobody signed in (portal.view), and the
  // portal layout's sign-in check runs outside their boundary, so a signed-out visitor is redirected
  // before anything streams.
  test("list pages with a route loading state still redirect a signed-out visitor instead of streaming 200", async ({ request }) => {
    for (const path of ["/clusters", "/requests", "/outbox"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers().location, path).toContain(`/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
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

test.describe("loading states of pages that authorize per resource", () => {
  let requestNumber = "";

  // A request to open: the Payments lead asks for a range on the shared cluster. Rejected afterwards,
  // so that nothing stays pending for the specs that run after this one.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    const lead = await context.newPage();
    await signInAs(lead, "paymentsLead", "/clusters");
    await waitForInventory(lead, "aks-shared-dev");
    await lead.goto(`${sharedDev}/ip-ranges`);
    await lead.getByLabel("IPv4 address or CIDR range").fill("198.51.100.77");
    await lead.getByLabel("Owner").fill("Loading-state test");
    await lead.getByLabel("Reason").fill("A request for the loading-state test to open");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible();
    requestNumber = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1] ?? "";
    expect(requestNumber).not.toBe("");
    await context.close();
  });

  test.afterAll(async ({ browser }) => {
    if (!requestNumber) return;
    test.setTimeout(120_000);
    const context = await browser.newContext();
    const admin = await context.newPage();
    await signInAs(admin, "admin", `/requests/${requestNumber}`);
    await admin.getByLabel("Comment").fill("Only opened by the loading-state test");
    await admin.getByRole("button", { name: "Reject…" }).click();
    await admin.getByRole("button", { name: "Yes, reject" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Rejected", { timeout: 30_000 });
    await context.close();
  });

  test("cluster, request and tenant pages answer 403 and 404 as the response status, with no skeleton", async ({ browser }) => {
    test.setTimeout(180_000);
    const lead = await as(browser, "paymentsLead", "/clusters");
    for (const tab of ["", "/access", "/access/check", "/ip-ranges"]) await expectStatusWithoutSkeleton(lead, `${searchProd}${tab}`, 403);
    await expectStatusWithoutSkeleton(lead, `/clusters/${production}/rg-nowhere/aks-nothing`, 404);
    await expectStatusWithoutSkeleton(lead, "/tenants/search", 403);
    await expectStatusWithoutSkeleton(lead, "/tenants/search/reapply?cluster=x&namespace=y", 404);
    await expectStatusWithoutSkeleton(lead, "/tenants/no-such-tenant", 404);
    await expectStatusWithoutSkeleton(lead, "/settings/templates/standard", 403);

    const member = await (await browser.newContext()).newPage();
    await signInAs(member, "member", "/requests");
    await expectStatusWithoutSkeleton(member, `/requests/${requestNumber}`, 403);
    await expectStatusWithoutSkeleton(member, "/requests/999999", 404);
    await member.context().close();
  });

  test("a slow section shows the page's header and an accessible skeleton, then the content", async ({ browser }) => {
    test.setTimeout(300_000);
    const admin = await as(browser, "admin", "/");
    await expectSkeletonThenContent(admin, { section: "cluster-overview", path: sharedDev, skeleton: "Loading the cluster overview…", heading: "aks-shared-dev", content: () => admin.getByRole("region", { name: "API server access" }) });
    await expectSkeletonThenContent(admin, { section: "request-detail", path: `/requests/${requestNumber}`, skeleton: "Loading the request…", heading: `Request #${requestNumber}`, content: () => admin.getByRole("heading", { level: 2, name: "Timeline" }) });
    await expectSkeletonThenContent(admin, { section: "tenant-forms", path: "/tenants/payments", skeleton: "Loading the tenant's forms…", heading: "Payments", content: () => admin.getByRole("heading", { level: 2, name: "Offboard" }) });
  });
});
