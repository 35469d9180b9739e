import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";

const nonProduction = "6a1c0c7e-9f3b-4b0a-8e2d-444455556666";
const sharedDevAccess = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/access`;

const { as } = personaBrowsers();

test.describe("access check", () => {
  test("an admin checks a seeded member on the shared dev cluster: allowed through the member's group, with the matrix", async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await as(browser, "admin", sharedDevAccess);
    await admin.getByRole("link", { name: "Check access" }).click();
    await expect(admin.getByRole("heading", { level: 2, name: "Check access", exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(admin.getByText("No check yet.")).toBeVisible();

    await admin.getByLabel("Person or group").fill("max.mueller@clusterdesk-demo.onmicrosoft.com");
    await admin.getByLabel("Verb").selectOption("create");
    await admin.getByLabel("Resource").selectOption("configmaps");
    await admin.getByLabel("Namespace").selectOption("payments-dev");
    await admin.getByRole("button", { name: "Check access" }).click();

    const answer = admin.getByRole("status").filter({ hasText: "Allowed" });
    await expect(answer).toContainText("Max Müller (max.mueller@clusterdesk-demo.onmicrosoft.com) can create configmaps in namespace payments-dev.", { timeout: 60_000 });
    await expect(admin.getByRole("listitem").filter({ hasText: "Azure Kubernetes Service RBAC Writer at namespace payments-dev, through group Team Payments Members" })).toBeVisible();

    const matrix = admin.getByRole("table", { name: "What Max Müller can do in namespace payments-dev" });
    await expect(matrix.getByRole("row", { name: /^configmaps/ }).getByRole("cell")).toHaveText([/Allowed/, /Allowed/, /Allowed/, /Allowed/, /Allowed/]);
    // Writer does not reach RoleBindings.
    await expect(matrix.getByRole("row", { name: /^rolebindings/ }).getByRole("cell")).toHaveText([/Denied/, /Denied/, /Denied/, /Denied/, /Denied/]);
    const accessibility = await new AxeBuilder({ page: admin }).analyze();
    expect(accessibility.violations).toEqual([]);

    // The same person in another tenant's namespace is denied, with the API server's reason.
    await admin.getByLabel("Namespace").selectOption("search-dev");
    await admin.getByRole("button", { name: "Check access" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Denied" })).toContainText("cannot create configmaps in namespace search-dev", { timeout: 60_000 });
  });

  test("a team lead is offered only their own tenant's namespaces", async ({ browser }) => {
    test.setTimeout(120_000);
    const lead = await as(browser, "paymentsLead", `${sharedDevAccess}/check`);
    await expect(lead.getByRole("heading", { level: 2, name: "Check access", exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(lead.getByLabel("Namespace").locator("option")).toHaveText([/^payments-dev/]);
  });
});
