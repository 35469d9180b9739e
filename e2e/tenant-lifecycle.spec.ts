import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { personaBrowsers } from "./support/persona-browsers";

const { as } = personaBrowsers();

/**
 * A tenant's whole life in the portal, on its own slug (lyncis), groups and cluster so no other spec
 * sees it: owned by "Legacy distribution 001" (whose only member is Gwen, an auditor, so no lead's
 * view elsewhere changes), with its environment on aks-analytics-wi, which no other spec uses.
 */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function pickGroup(page: Page, label: string, term: string) {
  await page.getByRole("combobox", { name: label }).fill(term);
  await page.getByRole("option", { name: new RegExp(term) }).click();
}

test.describe("tenant lifecycle, end to end", () => {
  test("an admin creates a tenant with its groups; its lead asks to offboard it keeping the namespace; another admin approves", async ({ browser }) => {
    // Sign-ins, an environment applied on the emulated cluster and an offboarding, on a busy machine.
    test.setTimeout(360_000);
    const admin = await as(browser, "admin", "/tenants");
    await expect(admin.getByRole("heading", { level: 2, name: "Create a tenant" })).toBeVisible();
    await expectNoAxeViolations(admin);

    // Bad input is refused with a clear message and loses nothing.
    await admin.getByLabel("Short name").fill("kube-system");
    await admin.getByLabel("Display name").fill("Lyncis");
    await pickGroup(admin, "Owner group (its members are the team leads)", "Legacy distribution 001");
    await admin.getByRole("button", { name: "Create tenant" }).click();
    await expect(admin.getByText("kube-system is reserved for the cluster itself; choose another name.")).toBeVisible({ timeout: 30_000 });
    await expect(admin.getByLabel("Display name")).toHaveValue("Lyncis");

    await expect(admin.getByText("Selected: Legacy distribution 001", { exact: false })).toBeVisible();
    await admin.getByLabel("Short name").fill("lyncis");
    await pickGroup(admin, "Add a member group", "Legacy distribution 002");
    await expect(admin.getByRole("list", { name: "Member groups" })).toContainText("Legacy distribution 002");
    await admin.getByLabel("Contacts").fill("lyncis-team@contoso.example");
    await admin.getByLabel("Cost centre").fill("CC-7701");
    await admin.getByRole("button", { name: "Create tenant" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Tenant lyncis is created" })).toBeVisible({ timeout: 30_000 });
    await admin.getByRole("link", { name: "Open tenant lyncis" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Lyncis" })).toBeVisible();
    await expect(admin.getByText("Cost centre: CC-7701")).toBeVisible();

    // An environment, applied directly (non-production), so offboarding has a namespace to keep.
    const environmentForm = admin.getByRole("form", { name: "Request an environment" });
    await environmentForm.getByLabel("Environment name").fill("dev");
    const cluster = await environmentForm.getByLabel("Cluster", { exact: true }).locator("option", { hasText: "aks-analytics-wi" }).getAttribute("value");
    await environmentForm.getByLabel("Cluster", { exact: true }).selectOption(cluster ?? "");
    await environmentForm.getByLabel("Reason", { exact: true }).fill("Lyncis sandbox");
    await environmentForm.getByRole("checkbox").check();
    await environmentForm.getByRole("button", { name: "Request environment" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "approved and being applied" })).toBeVisible({ timeout: 90_000 });
    await environmentForm.getByRole("link", { name: /Open request #/ }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 120_000 });

    // Gwen is in the owner group, so she is lyncis's lead: she asks to offboard it, keeping the namespace.
    const lead = await as(browser, "overage", "/tenants/lyncis");
    const plan = lead.getByRole("table", { name: "Namespaces and what they hold" });
    await expect(plan.getByRole("row", { name: /lyncis-dev on aks-analytics-wi/ })).toContainText("ResourceQuota", { timeout: 60_000 });
    await expectNoAxeViolations(lead);
    await lead.getByRole("radio", { name: /Keep them/ }).check();
    await lead.getByLabel("Why offboard").fill("The lyncis experiment is over");
    await lead.getByLabel("Type lyncis to confirm").fill("lyncis-typo");
    await lead.getByRole("button", { name: "Ask to offboard" }).click();
    await expect(lead.getByText("Type the tenant's short name, lyncis, to confirm.").first()).toBeVisible({ timeout: 60_000 });
    await lead.getByLabel("Type lyncis to confirm").fill("lyncis");
    await lead.getByRole("button", { name: "Ask to offboard" }).click();
    const asked = lead.getByRole("status").filter({ hasText: "waiting for a platform admin's approval" });
    await expect(asked).toBeVisible({ timeout: 60_000 });
    const number = /#(\d+)/.exec((await asked.textContent()) ?? "")?.[1];
    expect(number).toBeDefined();

    await admin.goto(`/requests/${number}`);
    await expect(admin.getByText(/Offboard tenant lyncis, keeping its namespaces and workloads/)).toBeVisible();
    await expectNoAxeViolations(admin);
    await admin.getByLabel("Comment").fill("Agreed with the team");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 120_000 });

    await admin.goto("/tenants/lyncis");
    await expect(admin.getByText("Archived", { exact: true }).first()).toBeVisible();
    // The namespace stayed on the cluster and is no tenant's now: another tenant could adopt it.
    await admin.goto("/tenants/search");
    const adoption = admin.getByRole("form", { name: "Adopt an existing namespace" });
    await adoption.getByLabel("Cluster", { exact: true }).selectOption(cluster ?? "");
    await expect(adoption.getByLabel("Namespace", { exact: true }).locator("option", { hasText: "lyncis-dev" })).toHaveCount(1, { timeout: 60_000 });
    // The archived tenant offers its former lead nothing to change or offboard.
    await lead.goto("/tenants/lyncis");
    await expect(lead.getByRole("heading", { level: 1, name: "Lyncis" })).toBeVisible();
    await expect(lead.getByRole("heading", { name: "Offboard" })).toHaveCount(0);
  });
});
