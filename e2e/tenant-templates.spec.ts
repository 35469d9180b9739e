import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { localDemoOrganisation } from "../lib/config/local-mode";
import { emulatorToken, kubectl } from "./support/emulator-access";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

const { as } = personaBrowsers();
// Kubernetes RBAC, no OIDC issuer; payments-nightly is this spec's own namespace there.
const legacy = { subscriptionId: localDemoOrganisation.subscriptionIds[1] ?? "", resourceGroup: "rg-dev", name: "aks-legacy-podid" };

/**
 * Admin-managed environment templates, on the spec's own template name (nightly-batch), which no
 * other spec offers or uses.
 */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe("environment templates", () => {
  // The second test makes an environment from the template the first one creates.
  test.describe.configure({ mode: "serial" });

  test("an admin creates a template: a bad quantity is named and loses nothing; fixed, it is saved and listed", async ({ browser }) => {
    test.setTimeout(240_000);
    const admin = await as(browser, "admin", "/tenants");
    await admin.getByRole("link", { name: "Environment templates" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Environment templates" })).toBeVisible();
    const list = admin.getByRole("table", { name: "Environment templates" });
    for (const label of ["Standard", "Restricted", "Sandbox"]) await expect(list.getByRole("link", { name: label, exact: true })).toBeVisible();
    await expectNoAxeViolations(admin);

    await admin.getByRole("link", { name: "New template" }).click();
    const form = admin.getByRole("form", { name: "New template" });
    await form.getByLabel("Name", { exact: true }).fill("nightly-batch");
    await form.getByLabel("Display name").fill("Nightly batch");
    await form.getByLabel("Description").fill("Batch jobs that run at night, on their own pool.");
    await form.getByLabel("CPU requests").fill("2 cores");
    await form.getByLabel("Pods").fill("30");
    await form.getByLabel("Allow traffic from the ingress namespace (optional)").fill("app-routing-system");
    await form.getByRole("button", { name: "Create template" }).click();

    await expect(form.getByRole("alert")).toContainText("Check the highlighted fields. Nothing was saved.", { timeout: 30_000 });
    await expect(form.getByText('requests.cpu: "2 cores" is not a Kubernetes quantity')).toBeVisible();
    await expect(form.getByLabel("CPU requests")).toHaveAttribute("aria-invalid", "true");
    // Nothing typed is lost.
    await expect(form.getByLabel("Display name")).toHaveValue("Nightly batch");
    await expect(form.getByLabel("Pods")).toHaveValue("30");
    await expectNoAxeViolations(admin);

    await form.getByLabel("CPU requests").fill("2");
    await form.getByRole("button", { name: "Create template" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Template nightly-batch is saved" })).toBeVisible({ timeout: 30_000 });
    await form.getByRole("link", { name: "Back to all templates" }).click();
    await expect(admin.getByRole("table", { name: "Environment templates" }).getByRole("link", { name: "Nightly batch" })).toBeVisible();

    // On a phone: the edit page stays within 390 px and accessible.
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto("/settings/templates/nightly-batch");
    const edit = admin.getByRole("form", { name: "Edit template nightly-batch" });
    await expect(edit.getByLabel("CPU requests")).toHaveValue("2");
    await expect(edit.getByLabel("Allow traffic from the ingress namespace (optional)")).toHaveValue("app-routing-system");
    await expect(edit.getByLabel("Name", { exact: true })).toHaveAttribute("readonly", "");
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(admin);

    // Offered to tenants: the environment request form lists it.
    await admin.goto("/tenants/payments");
    await expect(admin.getByRole("form", { name: "Request an environment" }).getByLabel("Template")).toContainText("Nightly batch");
  });

  test("an environment from the new template gets its ingress policy; deleted with kubectl, it shows as drift and a re-apply is asked for", async ({ browser }) => {
    test.setTimeout(300_000);
    const admin = await as(browser, "admin", "/tenants/payments");
    const environmentForm = admin.getByRole("form", { name: "Request an environment" });
    await environmentForm.getByLabel("Environment name").fill("nightly");
    const cluster = await environmentForm.getByLabel("Cluster", { exact: true }).locator("option", { hasText: "aks-legacy-podid" }).getAttribute("value");
    await environmentForm.getByLabel("Cluster", { exact: true }).selectOption(cluster ?? "");
    await environmentForm.getByLabel("Template", { exact: true }).selectOption("nightly-batch");
    await environmentForm.getByLabel("Reason", { exact: true }).fill("Nightly batch runs");
    await environmentForm.getByRole("checkbox").check();
    await environmentForm.getByRole("button", { name: "Request environment" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "approved and being applied" })).toBeVisible({ timeout: 90_000 });
    await environmentForm.getByRole("link", { name: /Open request #/ }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 120_000 });

    const token = await emulatorToken({ user: "admin" }, "aks");
    const policy = await kubectl(legacy, token, "get", "networkpolicy", "clusterdesk-allow-ingress", "-n", "payments-nightly", "-o", "json");
    expect(policy.stderr).toBe("");
    expect(JSON.parse(policy.stdout)).toMatchObject({ spec: { ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "app-routing-system" } } }] }] } });
    expect((await kubectl(legacy, token, "delete", "networkpolicy", "clusterdesk-allow-ingress", "-n", "payments-nightly")).code).toBe(0);

    await admin.goto("/tenants/payments");
    const row = admin.getByTestId("environment-payments-nightly");
    await expect(row).toContainText("1 object changed outside Clusterdesk", { timeout: 60_000 });
    await expect(row).toContainText("NetworkPolicy payments-nightly/clusterdesk-allow-ingress: missing: deleted outside Clusterdesk");
    await row.getByRole("link", { name: "Re-apply payments-nightly" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Re-apply payments-nightly" })).toBeVisible();
    await expect(admin.getByText("1 object changed outside Clusterdesk")).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(admin);
    await admin.getByLabel("Reason").fill("Put back the ingress policy");
    await admin.getByRole("button", { name: "Request re-apply" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "re-apply payments-nightly is waiting for a platform admin's approval" })).toBeVisible({ timeout: 60_000 });
  });

  test("a team lead gets 403 on the templates pages", async ({ page }) => {
    await signInAs(page, "paymentsLead", "/tenants");
    await expect(page.getByRole("link", { name: "Environment templates" })).toHaveCount(0);
    expect((await page.goto("/settings/templates"))?.status()).toBe(403);
    expect((await page.goto("/settings/templates/standard"))?.status()).toBe(403);
  });
});
