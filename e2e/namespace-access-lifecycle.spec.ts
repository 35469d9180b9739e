import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { localDemoOrganisation } from "../lib/config/local-mode";
import { arm, createConfigMap, emulatorToken, kubectl } from "./support/emulator-access";
import { personaBrowsers } from "./support/persona-browsers";

/**
 * Issue 12's acceptance scenario on an Azure-RBAC cluster: Sofia (Search lead) asks for 8 hours of
 * Writer for Chen (Search) in search-dev; Alex approves; the grant is applied, then effective; Chen's
 * own kubectl can write in search-dev and not in payments-dev; at the grant's end Clusterdesk revokes
 * it with nobody acting and kubectl is refused again; the audit log holds every step under the
 * request's correlation id. The other access specs use Payments people (Liam), so Chen's rows are this
 * spec's own.
 */
const nonProduction = localDemoOrganisation.subscriptionIds[1] ?? "";
const sharedDev = { subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-shared-dev" };
const sharedDevId = `/subscriptions/${nonProduction}/resourceGroups/rg-dev/providers/Microsoft.ContainerService/managedClusters/aks-shared-dev`;
const sharedDevAccess = `/clusters/${nonProduction}/rg-dev/aks-shared-dev/access`;
const searchMembersGroup = "a0000000-0000-4000-8000-0000000000c2";
const writerRole = "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb";

const { as } = personaBrowsers();

/**
 * The seed gives Team Search Members (Chen's group) Writer in search-dev, so Chen could already write
 * there. For the scenario to show the grant's effect, that assignment is deleted in ARM (as Clusterdesk's
 * service principal, which holds User Access Administrator) for this spec only and put back afterwards
 * under the same name; the emulator's state lives in memory, so a crashed run leaves nothing behind.
 */
type SeededAssignment = { id: string; body: unknown };
let seeded: SeededAssignment | undefined;
const azureAdmin = () => emulatorToken({ servicePrincipal: localDemoOrganisation.clientId }, "arm");

test.beforeAll(async () => {
  const token = await azureAdmin();
  const listed = await arm("GET", `${sharedDevId}/namespaces/search-dev/providers/Microsoft.Authorization/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${searchMembersGroup}'`)}`, token);
  type Listed = { id: string; properties: { scope: string; roleDefinitionId: string; principalId: string; principalType: string } };
  const writer = ((listed.body as { value: Listed[] }).value ?? []).find(
    (assignment) => assignment.properties.scope.endsWith("/namespaces/search-dev") && assignment.properties.roleDefinitionId.endsWith(writerRole),
  );
  if (!writer) throw new Error(`The seed's Writer assignment for Team Search Members in search-dev is missing: ${JSON.stringify(listed.body)}`);
  const { roleDefinitionId, principalId, principalType } = writer.properties;
  seeded = { id: writer.id, body: { properties: { roleDefinitionId, principalId, principalType } } };
  const deleted = await arm("DELETE", writer.id, token);
  expect([200, 204]).toContain(deleted.status);
});

test.afterAll(async () => {
  if (!seeded) return;
  const restored = await arm("PUT", seeded.id, await azureAdmin(), seeded.body);
  expect(restored.status).toBeLessThan(300);
});

async function requestNumberFrom(page: Page): Promise<string> {
  const confirmation = page.getByRole("status").filter({ hasText: "waiting for a platform admin" });
  await expect(confirmation).toBeVisible({ timeout: 60_000 });
  const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
  expect(number).toBeDefined();
  return number ?? "";
}

test.describe("namespace access lifecycle, end to end", () => {
  test("a lead asks for 8 hours of Writer for a member, an admin approves; applied, effective, kubectl works; at the end it is revoked with nobody acting; one audit thread", async ({ browser }) => {
    // Two sign-ins, a debounced Graph search, the worker's application and effect check, then up to a
    // minute for the reconcile job to notice the end and the worker to revoke: minutes on a busy machine.
    test.setTimeout(420_000);
    const chen = await emulatorToken({ user: "searchEngineer" }, "aks");
    const before = await createConfigMap(sharedDev, chen, "search-dev");
    expect(before.code, before.stdout).not.toBe(0);
    expect(before.stderr).toContain("Forbidden");

    const lead = await as(browser, "searchLead", sharedDevAccess);
    await expect(lead.getByLabel("Namespace").locator("option")).toHaveText([/^search-dev/]);
    await lead.getByRole("combobox", { name: "User or group" }).fill("chen");
    await lead.getByRole("option", { name: /Chen Wei/ }).click({ timeout: 30_000 });
    await lead.getByLabel("Role").selectOption({ label: "Azure Kubernetes Service RBAC Writer" });
    await lead.getByLabel("Duration").selectOption("8h");
    await lead.getByLabel("Reason").fill("Chen is on call for search this week");
    await lead.getByRole("button", { name: "Request approval" }).click();
    const number = await requestNumberFrom(lead);

    const admin = await as(browser, "admin", `/requests/${number}`);
    // The lifetime counts from when the grant takes effect, and the request says so.
    await expect(
      admin.getByText("Grant Azure Kubernetes Service RBAC Writer on namespace search-dev to user Chen Wei (chen.wei@clusterdesk-demo.onmicrosoft.com), for 8 hours from when it takes effect."),
    ).toBeVisible();
    await admin.getByLabel("Comment").fill("OK for the on-call week");
    await admin.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 90_000 });
    // Applied first, effective once the cluster's SubjectAccessReview allows the role.
    await expect(async () => {
      await admin.reload();
      await expect(admin.getByText("Effective on the cluster")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    const correlationId = (await admin.locator("dt", { hasText: "Correlation id" }).locator("xpath=following-sibling::dd[1]").textContent())?.trim() ?? "";
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);

    await lead.goto(sharedDevAccess);
    const row = lead.getByRole("row", { name: /Chen Wei/ });
    await expect(row.getByRole("link", { name: `#${number}` })).toBeVisible();
    await expect(row.getByText("Effective", { exact: true })).toBeVisible({ timeout: 60_000 });

    const created = await createConfigMap(sharedDev, chen, "search-dev");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const elsewhere = await createConfigMap(sharedDev, chen, "payments-dev");
    expect(elsewhere.code).not.toBe(0);
    expect(elsewhere.stderr).toContain("Forbidden");

    // Hours are not waited for: the e2e server's test hook (CLUSTERDESK_TEST_HOOKS) moves this grant's
    // end to now; the reconcile job (every minute) and the worker do the rest, with nobody acting.
    const moved = await admin.request.post(`/api/test-hooks/access-grants/${number}/expire`, { data: {} });
    expect(moved.status(), await moved.text()).toBe(200);
    await expect(async () => {
      const after = await createConfigMap(sharedDev, chen, "search-dev");
      expect(after.code).not.toBe(0);
      expect(after.stderr).toContain("Forbidden");
    }).toPass({ timeout: 180_000, intervals: [5_000] });
    await expect(async () => {
      await lead.reload();
      await expect(lead.getByRole("row", { name: /Chen Wei/ })).toHaveCount(0);
    }).toPass({ timeout: 60_000 });
    const left = await kubectl(sharedDev, chen, "auth", "can-i", "create", "configmaps", "-n", "search-dev");
    expect(left.stdout.trim()).toMatch(/^no\b/);

    // One thread in the audit log: the request's correlation id joins every step, the revocation Clusterdesk asked for included.
    await admin.goto(`/audit?correlation=${encodeURIComponent(correlationId)}`);
    const events = admin.getByRole("table", { name: "Audit events" });
    // The events stream in below the page's header (Suspense): poll until they are there.
    const actions = async () => (await events.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((text) => text.split("\n")[0]?.trim());
    await expect
      .poll(actions, { timeout: 30_000 })
      .toEqual(expect.arrayContaining(["request.created", "request.approved", "request.applying", "request.applied", "access.grant_effective", "access.grant_expiry_moved", "access.grant_expired", "access.grant_revoked"]));
    const expired = events.getByRole("row").filter({ hasText: "access.grant_expired" });
    await expect(expired).toContainText("Clusterdesk");
    await expect(events.getByRole("row").filter({ hasText: "access.grant_revoked" })).toContainText("Clusterdesk");
    const accessibility = await new AxeBuilder({ page: admin }).analyze();
    expect(accessibility.violations).toEqual([]);

    // The grant's request page tells the same story.
    await admin.goto(`/requests/${number}`);
    await expect(admin.getByText("Access revoked", { exact: true })).toBeVisible();
  });
});
