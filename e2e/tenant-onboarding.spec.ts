import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

const { as } = personaBrowsers();

test.describe("tenant onboarding, end to end", () => {
  test("a lead requests an environment, sees the plan, an admin approves, and the tenant page shows it applied with its quota", async ({ browser }) => {
    // Two sign-ins, two plans against the emulated cluster and an apply on a busy machine.
    test.setTimeout(300_000);
    const lead = await as(browser, "paymentsLead", "/tenants/payments");
    await expect(lead.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
    const accessibility = await new AxeBuilder({ page: lead }).analyze();
    expect(accessibility.violations).toEqual([]);

    await lead.getByLabel("Environment name").fill("qa");
    const cluster = await lead.getByLabel("Cluster").locator("option", { hasText: "aks-shared-dev" }).getAttribute("value");
    await lead.getByLabel("Cluster").selectOption(cluster ?? "");
    await lead.getByLabel("Template").selectOption({ label: "Standard" });
    await lead.getByLabel("Reason").fill("QA for the checkout rewrite");
    await lead.getByRole("button", { name: "Request environment" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible({ timeout: 60_000 });
    const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
    expect(number).toBeDefined();

    // The request page shows the plan, computed against the cluster when viewed.
    await lead.getByRole("link", { name: `Open request #${number}` }).click();
    const plan = lead.getByRole("table", { name: "Plan for payments-qa" });
    await expect(plan.getByRole("row", { name: /Create/ })).toHaveCount(9, { timeout: 60_000 });
    await expect(lead.getByText("9 to create, 0 to update, 0 unchanged.")).toBeVisible();
    // aks-shared-dev has Azure RBAC: the namespace is an AKS managed namespace and the groups get role
    // assignments, both through ARM; without an OIDC issuer it gets no workload identity, and says so.
    await expect(plan.getByRole("row", { name: /ManagedNamespace · Azure Resource Manager\s*payments-qa/ })).toBeVisible();
    await expect(plan.getByRole("row", { name: /RoleAssignment · Azure Resource Manager/ })).toHaveCount(2);
    await expect(plan.getByRole("row", { name: /ResourceQuota · Kubernetes API/ })).toHaveCount(1);
    await expect(lead.getByText(/aks-shared-dev has no OIDC issuer, so this environment gets no workload identity/)).toBeVisible();
    await expect(lead.getByText("Nobody can approve their own request.")).toBeVisible();

    const admin = await as(browser, "admin", `/requests/${number}`);
    await admin.getByLabel("Comment").fill("OK for QA");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 90_000 });
    // Applied: the plan recomputed now finds everything in place.
    await expect(admin.getByText("No changes: the environment is as the template describes it.")).toBeVisible({ timeout: 60_000 });

    await lead.goto("/tenants/payments");
    const row = lead.getByTestId("environment-payments-qa");
    await expect(row).toContainText("aks-shared-dev");
    await expect(row).toContainText("standard");
    await expect(row).toContainText("Applied");
    await expect(row.getByRole("link", { name: `Request #${number}` })).toBeVisible();
    await expect(row.getByLabel("Quota used of hard limit")).toContainText("pods0 / 50");
  });

  test("on a cluster with an OIDC issuer and a dedicated pool, the plan lists the managed namespace, the workload identity and its credential", async ({ browser }) => {
    test.setTimeout(180_000);
    // Its own environment (payments-secure on aks-analytics-wi): no other spec asks for it.
    const lead = await as(browser, "paymentsLead", "/tenants/payments");
    await lead.getByLabel("Environment name").fill("secure");
    const cluster = await lead.getByLabel("Cluster").locator("option", { hasText: "aks-analytics-wi" }).getAttribute("value");
    await lead.getByLabel("Cluster").selectOption(cluster ?? "");
    await lead.getByLabel("Template").selectOption({ label: "Restricted" });
    await lead.getByLabel("Reason").fill("Card data on the dedicated pool");
    await lead.getByRole("button", { name: "Request environment" }).click();
    const confirmation = lead.getByRole("status").filter({ hasText: "waiting for a platform admin" });
    await expect(confirmation).toBeVisible({ timeout: 60_000 });
    const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
    await lead.getByRole("link", { name: `Open request #${number}` }).click();

    const plan = lead.getByRole("table", { name: "Plan for payments-secure" });
    await expect(plan.getByRole("row", { name: /Create/ })).toHaveCount(12, { timeout: 60_000 });
    await expect(plan.getByRole("row", { name: /ManagedNamespace · Azure Resource Manager\s*payments-secure/ })).toBeVisible();
    await expect(plan.getByRole("row", { name: /UserAssignedIdentity · Azure Resource Manager\s*clusterdesk-aks-analytics-wi-payments-secure/ })).toBeVisible();
    await expect(plan.getByRole("row", { name: /FederatedIdentityCredential · Azure Resource Manager\s*payments-secure-workload/ })).toBeVisible();
    await expect(plan.getByRole("row", { name: /ServiceAccount · Kubernetes API\s*workload/ })).toBeVisible();
    const accessibility = await new AxeBuilder({ page: lead }).analyze();
    expect(accessibility.violations).toEqual([]);
  });

  test("another tenant's lead gets 403 on the tenant page", async ({ page }) => {
    await signInAs(page, "searchLead", "/tenants");
    expect((await page.goto("/tenants/payments"))?.status()).toBe(403);
  });
});
