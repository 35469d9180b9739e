import { expect, test } from "@playwright/test";
import { waitForInventory } from "./support/inventory";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const production = "0b1f6471-1bf0-4dda-aec3-111122223333";
const sharedDev = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/ip-ranges`;
const sharedProd = `/clusters/${production}/rg-platform-prod/aks-platform-shared/ip-ranges`;
const privateProd = "/clusters/0b1f6471-1bf0-4dda-aec3-111122223333/rg-payments-prod/aks-payments-prod/ip-ranges";

const { as } = personaBrowsers();

test.describe("authorized IP ranges, end to end", () => {
  test("a team lead asks for 198.51.100.7 for 8 hours, an admin approves, and Azure ends up with it and every earlier range", async ({ browser }) => {
    const lead = await as(browser, "paymentsLead", sharedDev);
    await expect(lead.getByRole("heading", { level: 1 })).toHaveText("aks-shared-dev");
    await expect(lead.getByRole("heading", { level: 2, name: "API server IP ranges" })).toBeVisible();
    await expect(lead.getByRole("row", { name: /203\.0\.113\.0\/24/ })).toBeVisible();

    await lead.getByLabel("IPv4 address or CIDR range").fill("198.51.100.7");
    await lead.getByLabel("Owner").fill("CI agents");
    await lead.getByLabel("Remove automatically after").selectOption("8h");
    await lead.getByLabel("Reason").fill("New build pool for the payments team");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible();
    const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
    expect(number).toBeDefined();

    // The requester cannot approve their own request.
    await lead.goto(`/requests/${number}`);
    await expect(lead.getByTestId("request-status")).toContainText("Pending");
    await expect(lead.getByRole("button", { name: "Approve" })).toHaveCount(0);

    // Another team's lead on the same shared cluster does not even see it listed, and gets a 403 on it.
    const otherLead = await as(browser, "searchLead", "/requests");
    await expect(otherLead.getByTestId("signed-in-user")).toHaveText("Sofia Rossi");
    await otherLead.goto(sharedDev);
    await expect(otherLead.getByRole("heading", { level: 2, name: "API server IP ranges" })).toBeVisible();
    await expect(otherLead.getByRole("link", { name: `#${number}` })).toHaveCount(0);
    expect((await otherLead.goto(`/requests/${number}`))?.status()).toBe(403);

    const admin = await as(browser, "admin", `/requests/${number}`);
    await admin.getByLabel("Comment").fill("Approved for the build pool");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 60_000 });
    await expect(admin.getByText("added 198.51.100.7/32").first()).toBeVisible();

    await admin.goto(sharedDev);
    for (const range of ["203.0.113.0/24", "192.0.2.0/24", "198.51.100.7/32"]) {
      await expect(admin.getByRole("row", { name: new RegExp(range.replace(/[./]/g, "\\$&")) })).toBeVisible();
    }
    const added = admin.getByRole("row", { name: /198\.51\.100\.7\/32/ });
    await expect(added).toContainText("Clusterdesk");
    await expect(added).toContainText("Tenant: Payments");
    await expect(added).toContainText("CI agents");
    await expect(added).toContainText("Priya Patel");

    // The range is Payments': the Search lead is not offered its removal.
    await otherLead.goto(sharedDev);
    await expect(otherLead.getByRole("row", { name: /198\.51\.100\.7\/32/ }).getByText("Remove")).toHaveCount(0);
  });

  test("bad input gets a clear message, keeps what was typed and changes nothing", async ({ browser }) => {
    const lead = await as(browser, "paymentsLead", sharedDev);
    await lead.getByLabel("IPv4 address or CIDR range").fill("10.1.2.3/24");
    await lead.getByLabel("Reason").fill("Office network");
    await lead.getByRole("button", { name: "Request approval" }).click();
    await expect(lead.getByText("10.1.2.3/24: host bits are set; did you mean 10.1.2.0/24?")).toBeVisible();
    await expect(lead.getByLabel("IPv4 address or CIDR range")).toHaveAttribute("aria-invalid", "true");
    // Nothing typed is lost: the form comes back with what was submitted.
    await expect(lead.getByLabel("Reason")).toHaveValue("Office network");
    await expect(lead.getByLabel("IPv4 address or CIDR range")).toHaveValue("10.1.2.3/24");

    await lead.getByLabel("IPv4 address or CIDR range").fill("192.0.2.0/24");
    await lead.getByRole("button", { name: "Request approval" }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "192.0.2.0/24 is already on the cluster's list." })).toBeVisible();

    await lead.getByLabel("IPv4 address or CIDR range").fill("0.0.0.0/0");
    await lead.getByRole("button", { name: "Request approval" }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "0.0.0.0/0 allows every IPv4 address" })).toBeVisible();
  });

  test("on a production cluster an admin is told before submitting that a second admin must approve", async ({ browser }) => {
    const admin = await as(browser, "admin", "/clusters");
    await waitForInventory(admin, "aks-platform-shared");
    await admin.goto(sharedProd);
    await expect(admin.getByRole("note").filter({ hasText: "production cluster" })).toContainText("second platform admin's approval");
    await expect(admin.getByRole("heading", { level: 2, name: "Request a range" })).toBeVisible();
    await expect(admin.getByLabel(/Apply now/)).toHaveCount(0);
  });

  test("the approver sees whose range a removal takes away and the warnings the requester saw", async ({ browser }) => {
    const lead = await as(browser, "searchLead", sharedDev);
    await lead.getByLabel("IPv4 address or CIDR range").fill("203.0.112.0/23");
    await lead.getByLabel("Reason").fill("The whole office block, not just one floor");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toContainText("203.0.113.0/24 is already covered by 203.0.112.0/23.");
    const widening = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];

    const admin = await as(browser, "admin", sharedDev);
    const foundRow = admin.getByRole("row", { name: /192\.0\.2\.0\/24/ });
    await foundRow.locator("summary").filter({ hasText: /^Remove/ }).click();
    await foundRow.getByLabel("Why remove 192.0.2.0/24?").fill("Old office network, closed");
    await foundRow.getByRole("button", { name: "Confirm removal of 192.0.2.0/24" }).click();
    const removal = foundRow.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    const removalNumber = /#(\d+)/.exec((await removal.textContent()) ?? "")?.[1];

    const approver = await as(browser, "admin", `/requests/${widening}`);
    await expect(approver.getByRole("note", { name: "Warnings the requester was shown" })).toContainText("203.0.113.0/24 is already covered by 203.0.112.0/23.");
    await approver.goto(`/requests/${removalNumber}`);
    await expect(approver.getByRole("region", { name: "API server IP ranges to remove" })).toContainText("192.0.2.0/24 (found on the cluster: no tenant owns it)");
  });

  test("a private cluster explains why it has no IP ranges", async ({ browser }) => {
    const admin = await as(browser, "admin", privateProd);
    await expect(admin.getByRole("region", { name: "Private cluster: no authorized IP ranges" })).toBeVisible();
  });

  test("a lead whose tenants the cluster does not host gets a 403", async ({ page }) => {
    await signInAs(page, "analyticsLead");
    expect((await page.goto(sharedDev))?.status()).toBe(403);
  });

  test("a server action refuses once the session has ended", async ({ browser }) => {
    const lead = await as(browser, "paymentsLead", sharedDev);
    // Sign out in another tab of the same browser: the server session is revoked.
    const other = await lead.context().newPage();
    await other.goto("/requests");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other.getByRole("heading", { name: "You are signed out" })).toBeVisible();

    await lead.getByLabel("IPv4 address or CIDR range").fill("198.51.100.200");
    await lead.getByLabel("Reason").fill("Should never be recorded");
    await lead.getByRole("button", { name: "Request approval" }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "Your session has ended. Sign in again and retry." })).toBeVisible();
  });
});
