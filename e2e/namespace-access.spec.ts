import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevAccess = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/access`;

const { as } = personaBrowsers();

test.describe("namespace access, end to end", () => {
  test("a lead asks for Liam's access to payments-dev, an admin approves, the grant is listed, and the lead revokes it", async ({ browser }) => {
    // Approval, application, the effect check and the revocation each go through the worker, after a
    // debounced Graph search by two signed-in personas: minutes on a busy machine.
    test.setTimeout(240_000);
    const lead = await as(browser, "paymentsLead", sharedDevAccess);
    await expect(lead.getByRole("navigation", { name: "Cluster sections" }).getByRole("link", { name: "Access" })).toHaveAttribute("aria-current", "page");
    await expect(lead.getByRole("heading", { level: 2, name: "Access granted through Clusterdesk", exact: true })).toBeVisible();
    const accessibility = await new AxeBuilder({ page: lead }).analyze();
    expect(accessibility.violations).toEqual([]);

    // Assignments made outside Clusterdesk in the lead's namespace (the seed's) are listed as found on the cluster.
    const found = lead.getByRole("table", { name: "Role assignments found on the cluster, not made through Clusterdesk" });
    await expect(found.getByRole("row", { name: /Team Payments Members/ })).toContainText("Azure Kubernetes Service RBAC Writer");
    await expect(found.getByRole("row", { name: /Team Search/ })).toHaveCount(0);

    // Cluster Admin and other tenants' namespaces are not offered to a lead.
    await expect(lead.getByLabel("Role").locator("option")).toHaveText(["Azure Kubernetes Service RBAC Reader", "Azure Kubernetes Service RBAC Writer", "Azure Kubernetes Service RBAC Admin"]);
    await expect(lead.getByLabel("Namespace").locator("option")).toHaveText([/^payments-dev/]);
    await lead.getByRole("combobox", { name: "User or group" }).fill("liam");
    await lead.getByRole("option", { name: /Liam O'Brien/ }).click({ timeout: 30_000 });
    await lead.getByLabel("Role").selectOption({ label: "Azure Kubernetes Service RBAC Admin" });
    await lead.getByLabel("Duration").selectOption("8h");
    await lead.getByLabel("Reason").fill("Liam leads the payments migration");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible();
    const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
    expect(number).toBeDefined();

    const admin = await as(browser, "admin", `/requests/${number}`);
    await expect(admin.getByText("Grant Azure Kubernetes Service RBAC Admin on namespace payments-dev to user Liam O'Brien")).toBeVisible();
    await admin.getByLabel("Comment").fill("OK for the migration");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 60_000 });

    await lead.goto(sharedDevAccess);
    // Other specs may leave Liam with other grants on this cluster (the e2e database is shared): this one is Admin.
    const liamAsAdmin = /Liam O'Brien.*RBAC Admin/;
    const row = lead.getByRole("row", { name: liamAsAdmin });
    await expect(row).toContainText("payments-dev");
    await expect(row).toContainText("Azure role assignment");
    await expect(row.getByRole("link", { name: `#${number}` })).toBeVisible();
    // Applied is not yet effective: the tab refreshes itself until the cluster's SubjectAccessReview allows the role.
    await expect(row.getByText("Effective", { exact: true })).toBeVisible({ timeout: 90_000 });
    await admin.reload();
    await expect(admin.getByText("Effective on the cluster")).toBeVisible();

    await row.locator("summary", { hasText: "Revoke" }).click();
    await row.getByLabel(/Why revoke/).fill("Migration finished");
    await row.getByRole("button", { name: "Confirm revocation" }).click();
    // The page re-renders at once: the row links to the open revocation until the worker has applied it.
    await expect(async () => {
      await lead.reload();
      await expect(lead.getByRole("row", { name: liamAsAdmin })).toHaveCount(0);
    }).toPass({ timeout: 60_000 });
  });

  test("a lead of a tenant the cluster does not host gets 403 on its access tab", async ({ page }) => {
    await signInAs(page, "analyticsLead", "/clusters");
    expect((await page.goto(sharedDevAccess))?.status()).toBe(403);
  });
});
