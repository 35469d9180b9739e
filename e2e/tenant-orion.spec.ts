import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { localDemoOrganisation } from "../lib/config/local-mode";
import { armGet } from "./support/arm-read";
import { createConfigMap, emulatorToken, kubectl } from "./support/emulator-access";
import { personaBrowsers } from "./support/persona-browsers";
import { signInAs } from "./support/personas";

/**
 * Issue 13's first acceptance point in Chromium. Dana (the Analytics lead, so a team lead) asks for tenant
 * orion, owned by Team Analytics Owners with Team Analytics Members as members: a lead's group picker
 * offers only her own tenants' groups (directory-search.ts), so these are the groups a lead can name, the
 * same as orion-onboarding.int.test.ts. Alex approves; Dana asks for orion-dev on aks-analytics-wi (Azure
 * RBAC: a managed namespace, role assignments, workload identity) and orion-test on aks-legacy-podid
 * (Kubernetes RBAC: Namespace and RoleBindings); Alex approves both; the spec reads back what the emulator
 * holds (kubectl as an admin, ARM as Clusterdesk's service principal), then Aliyu (Team Analytics Members)
 * uses the real kubectl. No other spec uses the slug orion, these namespaces, or Dana and Aliyu.
 */
const nonProduction = localDemoOrganisation.subscriptionIds[1] ?? "";
const analytics = { subscriptionId: nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" };
const legacy = { subscriptionId: nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" };
const analyticsId = `/subscriptions/${nonProduction}/resourceGroups/rg-sandbox/providers/Microsoft.ContainerService/managedClusters/aks-analytics-wi`;
const analyticsOwners = "a0000000-0000-4000-8000-0000000000d1";
const analyticsMembers = "a0000000-0000-4000-8000-0000000000d2";

const { as } = personaBrowsers();
const ownContexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(ownContexts.splice(0).map((context) => context.close()));
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Dana sees only her tenants' clusters, so persona-browsers' wait for aks-shared-dev would never end. */
async function signInDana(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  ownContexts.push(context);
  const page = await context.newPage();
  await signInAs(page, "analyticsLead", "/clusters");
  return page;
}

/** The cluster names the clusters list shows, once the inventory lists `expected` (it syncs at start-up). */
async function listedClusters(page: Page, expected: string): Promise<string[]> {
  await expect(async () => {
    await page.goto("/clusters");
    await expect(page.getByRole("link", { name: expected, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const names = await page.getByRole("table", { name: "AKS clusters" }).locator("tbody a").allTextContents();
  return [...new Set(names.map((name) => name.trim()).filter((name) => name.startsWith("aks-")))].sort();
}

async function pickGroup(page: Page, label: string, name: string) {
  await page.getByRole("combobox", { name: label }).fill(name);
  await page.getByRole("option", { name: new RegExp(name) }).click();
}

async function requestEnvironment(page: Page, environment: string, cluster: string, reason: string): Promise<string> {
  await page.goto("/tenants/orion");
  const form = page.getByRole("form", { name: "Request an environment" });
  await form.getByLabel("Environment name").fill(environment);
  const value = await form.getByLabel("Cluster", { exact: true }).locator("option", { hasText: cluster }).getAttribute("value");
  await form.getByLabel("Cluster", { exact: true }).selectOption(value ?? "");
  await form.getByLabel("Template").selectOption({ label: "Standard" });
  await form.getByLabel("Reason", { exact: true }).fill(reason);
  await form.getByRole("button", { name: "Request environment" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: "waiting for a platform admin" });
  await expect(confirmation).toBeVisible({ timeout: 90_000 });
  const number = /#(\d+)/.exec((await confirmation.textContent()) ?? "")?.[1];
  expect(number).toBeDefined();
  return number ?? "";
}

async function approve(admin: Page, number: string, comment: string) {
  await admin.goto(`/requests/${number}`);
  await admin.getByLabel("Comment").fill(comment);
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("request-status")).toContainText("Applied", { timeout: 120_000 });
}

type KubeObject = { kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; subjects?: Array<{ kind: string; name: string }> };

async function objectsIn(cluster: typeof analytics, namespace: string): Promise<KubeObject[]> {
  const token = await emulatorToken({ user: "admin" }, "aks");
  const listed = await kubectl(cluster, token, "get", "namespace,resourcequota,limitrange,networkpolicy,serviceaccount,rolebinding", "-n", namespace, "-o", "json");
  expect(listed.stderr).toBe("");
  return (JSON.parse(listed.stdout) as { items: KubeObject[] }).items.filter((item) => item.kind !== "Namespace" || item.metadata.name === namespace);
}

const names = (items: KubeObject[]) => items.map((item) => `${item.kind} ${item.metadata.name}`);
const kubernetesObjects = [
  "ResourceQuota clusterdesk-quota", "LimitRange clusterdesk-defaults", "NetworkPolicy clusterdesk-default-deny",
  "NetworkPolicy clusterdesk-allow-same-namespace", "NetworkPolicy clusterdesk-allow-tenant", "NetworkPolicy clusterdesk-allow-dns",
];

test.describe("tenant orion, end to end (issue 13's first acceptance point)", () => {
  test("a lead asks for orion and its environments on an Azure-RBAC and a Kubernetes-RBAC cluster; once applied, orion's people work in them and its lead sees exactly them", async ({ browser }) => {
    // Three sign-ins, four requests, two applies (ARM long-running operations) and kubectl, on a busy machine.
    test.setTimeout(420_000);
    const dana = await signInDana(browser);
    // Before orion, Dana leads Analytics only: analytics-dev on aks-analytics-wi.
    expect(await listedClusters(dana, "aks-analytics-wi")).toEqual(["aks-analytics-wi"]);

    await dana.goto("/tenants");
    await expect(dana.getByRole("heading", { level: 2, name: "Ask for a new tenant" })).toBeVisible();
    await expectNoAxeViolations(dana);
    await dana.getByLabel("Short name").fill("orion");
    await dana.getByLabel("Display name").fill("Orion");
    await pickGroup(dana, "Owner group (its members are the team leads)", "Team Analytics Owners");
    await pickGroup(dana, "Add a member group", "Team Analytics Members");
    await expect(dana.getByRole("list", { name: "Member groups" })).toContainText("Team Analytics Members");
    await dana.getByLabel("Contacts").fill("orion-team@contoso.example");
    await dana.getByLabel("Cost centre").fill("CC-4242");
    await dana.getByLabel("Reason").fill("Orion, the new forecasting team");
    await dana.getByRole("button", { name: "Ask for tenant" }).click();
    const asked = dana.getByRole("status").filter({ hasText: "for tenant orion is waiting for a platform admin's approval" });
    await expect(asked).toBeVisible({ timeout: 60_000 });
    const tenantRequest = /#(\d+)/.exec((await asked.textContent()) ?? "")?.[1] ?? "";
    expect(tenantRequest).not.toBe("");

    const admin = await as(browser, "admin", `/requests/${tenantRequest}`);
    await expectNoAxeViolations(admin);
    await approve(admin, tenantRequest, "Welcome, Orion");

    const devRequest = await requestEnvironment(dana, "dev", "aks-analytics-wi", "Orion's forecasting models");
    const testRequest = await requestEnvironment(dana, "test", "aks-legacy-podid", "Orion's integration tests");

    // Azure RBAC: the namespace, the identity and its credential and the groups' access go through ARM.
    await dana.goto(`/requests/${devRequest}`);
    const devPlan = dana.getByRole("table", { name: "Plan for orion-dev" });
    await expect(devPlan.getByRole("row", { name: /Create/ })).toHaveCount(12, { timeout: 90_000 });
    await expect(dana.getByText("12 to create, 0 to update, 0 unchanged.")).toBeVisible();
    await expect(devPlan.getByRole("row", { name: /ManagedNamespace · Azure Resource Manager\s*orion-dev/ })).toBeVisible();
    await expect(devPlan.getByRole("row", { name: /UserAssignedIdentity · Azure Resource Manager\s*clusterdesk-aks-analytics-wi-orion-dev/ })).toBeVisible();
    await expect(devPlan.getByRole("row", { name: /FederatedIdentityCredential · Azure Resource Manager\s*orion-dev-workload/ })).toBeVisible();
    await expect(devPlan.getByRole("row", { name: /RoleAssignment · Azure Resource Manager/ })).toHaveCount(2);
    await expect(devPlan.getByRole("row", { name: /ServiceAccount · Kubernetes API\s*workload/ })).toBeVisible();
    await expect(devPlan.getByRole("row", { name: /RoleBinding/ })).toHaveCount(0);
    for (const object of kubernetesObjects) {
      const [kind, name] = object.split(" ");
      await expect(devPlan.getByRole("row", { name: new RegExp(`${kind} · Kubernetes API\\s*${name}`) })).toBeVisible();
    }
    await expectNoAxeViolations(dana);

    // Kubernetes RBAC only: the Namespace and the groups' RoleBindings through the API server.
    await dana.goto(`/requests/${testRequest}`);
    const testPlan = dana.getByRole("table", { name: "Plan for orion-test" });
    await expect(testPlan.getByRole("row", { name: /Namespace · Kubernetes API\s*orion-test/ })).toBeVisible({ timeout: 90_000 });
    await expect(testPlan.getByRole("row", { name: /RoleBinding · Kubernetes API\s*clusterdesk-owners-admin/ })).toBeVisible();
    await expect(testPlan.getByRole("row", { name: /RoleBinding · Kubernetes API\s*clusterdesk-members-edit/ })).toBeVisible();
    await expect(testPlan.getByRole("row", { name: /Azure Resource Manager/ })).toHaveCount(0);
    for (const object of kubernetesObjects) {
      const [kind, name] = object.split(" ");
      await expect(testPlan.getByRole("row", { name: new RegExp(`${kind} · Kubernetes API\\s*${name}`) })).toBeVisible();
    }
    await expect(dana.getByText(/aks-legacy-podid has no OIDC issuer, so this environment gets no workload identity/)).toBeVisible();
    await expectNoAxeViolations(dana);

    await approve(admin, devRequest, "OK for dev");
    await approve(admin, testRequest, "OK for test");

    // What the emulator holds now: orion-dev on aks-analytics-wi.
    const dev = await objectsIn(analytics, "orion-dev");
    expect(names(dev)).toEqual(expect.arrayContaining(["Namespace orion-dev", "ResourceQuota default", "ServiceAccount workload", ...kubernetesObjects]));
    expect(dev.find((item) => item.kind === "Namespace")?.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "baseline",
      "kubernetes.azure.com/managedByArm": "true",
      "clusterdesk.io/tenant": "orion",
    });
    const azureAdmin = await emulatorToken({ servicePrincipal: localDemoOrganisation.clientId }, "arm");
    const managedNamespace = await armGet(`${analyticsId}/managedNamespaces/orion-dev`, "2025-09-01", azureAdmin);
    expect(managedNamespace.status).toBe(200);
    const identityPath = `/subscriptions/${nonProduction}/resourceGroups/rg-sandbox/providers/Microsoft.ManagedIdentity/userAssignedIdentities/clusterdesk-aks-analytics-wi-orion-dev`;
    const identity = await armGet(identityPath, "2023-01-31", azureAdmin);
    expect(identity.status).toBe(200);
    const clientId = (identity.body as { properties: { clientId: string } }).properties.clientId;
    const credentials = await armGet(`${identityPath}/federatedIdentityCredentials`, "2023-01-31", azureAdmin);
    expect((credentials.body as { value: Array<{ properties: { subject: string; audiences: string[] } }> }).value.map((credential) => credential.properties)).toEqual([
      expect.objectContaining({ subject: "system:serviceaccount:orion-dev:workload", audiences: ["api://AzureADTokenExchange"] }),
    ]);
    expect(dev.find((item) => item.kind === "ServiceAccount" && item.metadata.name === "workload")?.metadata.annotations?.["azure.workload.identity/client-id"]).toBe(clientId);
    const assignments = await armGet(`${analyticsId}/namespaces/orion-dev/providers/Microsoft.Authorization/roleAssignments`, "2022-04-01", azureAdmin);
    const atNamespace = (assignments.body as { value: Array<{ properties: { scope: string; principalId: string } }> }).value.filter((assignment) =>
      assignment.properties.scope.toLowerCase().endsWith("/namespaces/orion-dev"),
    );
    expect(atNamespace.map((assignment) => assignment.properties.principalId).sort()).toEqual([analyticsOwners, analyticsMembers].sort());

    // orion-test on aks-legacy-podid: a plain Namespace with RoleBindings for the groups.
    const testObjects = await objectsIn(legacy, "orion-test");
    expect(names(testObjects)).toEqual(expect.arrayContaining(["Namespace orion-test", "RoleBinding clusterdesk-owners-admin", "RoleBinding clusterdesk-members-edit", ...kubernetesObjects]));
    expect(testObjects.find((item) => item.kind === "Namespace")?.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "baseline", "clusterdesk.io/tenant": "orion" });
    expect(testObjects.find((item) => item.metadata.name === "clusterdesk-owners-admin")?.subjects?.map((subject) => subject.name)).toEqual([analyticsOwners]);
    expect(testObjects.find((item) => item.metadata.name === "clusterdesk-members-edit")?.subjects?.map((subject) => subject.name)).toEqual([analyticsMembers]);

    // Aliyu (Team Analytics Members) with his own Entra token and the real kubectl.
    const aliyu = await emulatorToken({ user: "analyticsEngineer" }, "aks");
    await expect(async () => expect((await createConfigMap(analytics, aliyu, "orion-dev")).code).toBe(0)).toPass({ timeout: 60_000 });
    expect((await createConfigMap(legacy, aliyu, "orion-test")).code).toBe(0);
    const refused = await createConfigMap(legacy, aliyu, "payments-dev");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("forbidden");

    // Dana, orion's lead, now sees orion's clusters (aks-analytics-wi also holds her analytics-dev) and its namespaces.
    expect(await listedClusters(dana, "aks-legacy-podid")).toEqual(["aks-analytics-wi", "aks-legacy-podid"]);
    await expectNoAxeViolations(dana);
    await dana.goto("/tenants/orion");
    await expect(dana.getByRole("heading", { level: 1, name: "Orion" })).toBeVisible();
    await expect(dana.locator("[data-testid^=environment-]")).toHaveCount(2);
    await expect(dana.getByTestId("environment-orion-dev")).toContainText("aks-analytics-wi");
    await expect(dana.getByTestId("environment-orion-dev")).toContainText("Applied");
    await expect(dana.getByTestId("environment-orion-test")).toContainText("aks-legacy-podid");
    await expect(dana.getByTestId("environment-orion-test")).toContainText("Applied");
    await expectNoAxeViolations(dana);
    await dana.goto("/tenants");
    await expect(dana.getByRole("table", { name: "Tenants" }).locator("tbody tr")).toHaveCount(2);
    const orionRow = dana.getByRole("table", { name: "Tenants" }).getByRole("row", { name: /Orion/ });
    await expect(orionRow.getByRole("listitem")).toHaveText(["orion-dev on aks-analytics-wi", "orion-test on aks-legacy-podid"].map((text) => new RegExp(text)));
    // The namespaces a lead may grant access in (the access pages): her tenants' environments on each cluster, nobody else's.
    await dana.goto(`/clusters/${nonProduction}/rg-dev/aks-legacy-podid/access`);
    await expect(dana.getByLabel("Namespace", { exact: true }).locator("option")).toHaveText([/^orion-test \(Orion\)/]);
    await expectNoAxeViolations(dana);
    await dana.goto(`/clusters/${nonProduction}/rg-sandbox/aks-analytics-wi/access`);
    const offered = await dana.getByLabel("Namespace", { exact: true }).locator("option").allTextContents();
    expect(offered.sort()).toEqual(["analytics-dev (Analytics)", "orion-dev (Orion)"]);
    await expect(dana.getByRole("link", { name: "aks-shared-dev" })).toHaveCount(0);
    // The overview's namespaces on a shared cluster: Payments' payments-dev is not hers to see.
    await dana.goto(`/clusters/${nonProduction}/rg-dev/aks-legacy-podid`);
    const namespaces = dana.getByRole("region", { name: "Namespaces" });
    await expect(namespaces.getByRole("columnheader", { name: "Tenant" })).toBeVisible();
    await expect(namespaces.getByRole("row", { name: /payments-dev/ })).toHaveCount(0);
    expect((await dana.goto(`/clusters/${nonProduction}/rg-dev/aks-shared-dev`))?.status()).toBe(403);
  });
});
