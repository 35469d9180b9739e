import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { kubernetesServerUrl, type ClusterKey } from "@/emulator/contracts";
import { withKubectl } from "@/emulator/kubernetes/testing/kubectl";
import { demoGroups, demoSubscriptions } from "@/emulator/seed/organisation";
import { clusterKey, clusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantEnvironmentPayload } from "@/lib/requests/kinds";
import { db } from "@/lib/server/db/client";
import { createChangeRequest } from "@/lib/server/requests/create-request";
import { executeChangeRequest } from "@/lib/server/requests/execute-request";
import { environmentOnCluster } from "./environment-on-cluster";
import { tenantEnvironmentExecutor } from "./environment-executor";
import { planEnvironment } from "./environment-plan";
import { engineSuite } from "@/test/engine-suite";

/**
 * Issue 13's onboarding scenario below the UI (the tenant itself is a database row here: creating
 * tenants is another part): tenant orion with an environment on an Azure-RBAC cluster with workload
 * identity (aks-analytics-wi) and one on a Kubernetes-RBAC cluster (aks-legacy-podid), applied; then the
 * real kubectl as an orion member (Aliyu, in the members group) works in orion's namespaces and is
 * forbidden in payments-dev, and applying both again changes nothing.
 */
const analytics: ClusterKey = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-sandbox", name: "aks-analytics-wi" };
const legacy: ClusterKey = { subscriptionId: demoSubscriptions.nonProduction, resourceGroup: "rg-dev", name: "aks-legacy-podid" };
const environments: Array<{ cluster: ClusterKey; payload: TenantEnvironmentPayload }> = [
  { cluster: analytics, payload: { tenantSlug: "orion", environment: "dev", namespace: "orion-dev", template: "standard" } },
  { cluster: legacy, payload: { tenantSlug: "orion", environment: "test", namespace: "orion-test", template: "standard" } },
];
const executors = { "tenant-environment": tenantEnvironmentExecutor() };
const attempt = { retryCount: 0, retryLimit: 3, signal: new AbortController().signal };
let tenantId: string;

const suite = engineSuite();
beforeAll(async () => {
  const tenant = { displayName: "Orion", ownerGroupId: demoGroups.analyticsOwners, memberGroupIds: [demoGroups.analyticsMembers] };
  tenantId = (await db().tenant.upsert({ where: { slug: "orion" }, create: { slug: "orion", ...tenant }, update: tenant })).id;
  await db().tenantEnvironment.deleteMany({ where: { tenantId } });
});

async function applyEnvironment(cluster: ClusterKey, payload: TenantEnvironmentPayload) {
  const created = await createChangeRequest(
    { kind: "tenant-environment", clusterResourceId: clusterKey(clusterResourceId(cluster)), tenantId, payload, justification: "Orion onboarding", decideBy: null },
    { kind: "user", objectId: randomUUID(), name: "Alex Admin", upn: "alex.admin@clusterdesk-demo.onmicrosoft.com" },
    { clientIp: null, userAgent: null, correlationId: randomUUID(), path: "/" },
    { applyDirectly: { reason: "test" } },
  );
  const outcome = await executeChangeRequest(created.id, attempt, executors);
  return outcome === "failed" ? `failed: ${(await db().changeRequest.findUniqueOrThrow({ where: { id: created.id } })).lastError ?? ""}` : outcome;
}

/** The real kubectl with Aliyu's Entra token applies a ConfigMap (a manifest: kubectl create may send protobuf). */
async function aliyuCreatesConfigMap(cluster: ClusterKey, namespace: string) {
  const token = await suite.emulator.issueTestToken({ user: "analyticsEngineer", audience: "aks" });
  return withKubectl(kubernetesServerUrl(suite.emulator.url, cluster), suite.emulator.caPem, async (kubectl, directory) => {
    const manifest = path.join(directory, "configmap.json");
    await writeFile(manifest, JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `cm-${randomUUID().slice(0, 8)}`, namespace }, data: { owner: "aliyu" } }));
    return kubectl(token, "apply", "--validate=false", "-f", manifest);
  });
}

async function objectsOf(cluster: ClusterKey, namespace: string) {
  const token = await suite.emulator.issueTestToken({ user: "admin", audience: "aks" });
  return withKubectl(kubernetesServerUrl(suite.emulator.url, cluster), suite.emulator.caPem, async (kubectl) => {
    const listed = await kubectl(token, "get", "namespace,resourcequota,limitrange,networkpolicy,serviceaccount,rolebinding", "-n", namespace, "-o", "json");
    return (JSON.parse(listed.stdout) as { items: Array<{ kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> } }> }).items;
  });
}

describe("onboarding tenant orion on an Azure-RBAC and a Kubernetes-RBAC cluster", () => {
  it("applies both environments, lets an orion member work only in orion's namespaces, and applies again with 0 changes", { timeout: 180_000 }, async () => {
    for (const { cluster, payload } of environments) expect(await applyEnvironment(cluster, payload)).toBe("applied");

    const dev = await objectsOf(analytics, "orion-dev");
    const kinds = (items: typeof dev) => items.map((item) => `${item.kind} ${item.metadata.name}`);
    expect(kinds(dev)).toEqual(expect.arrayContaining([
      "Namespace orion-dev", "ResourceQuota clusterdesk-quota", "ResourceQuota default", "LimitRange clusterdesk-defaults", "NetworkPolicy clusterdesk-default-deny",
      "NetworkPolicy clusterdesk-allow-same-namespace", "NetworkPolicy clusterdesk-allow-tenant", "NetworkPolicy clusterdesk-allow-dns", "ServiceAccount workload",
    ]));
    expect(dev.find((item) => item.kind === "Namespace" && item.metadata.name === "orion-dev")?.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "baseline", "kubernetes.azure.com/managedByArm": "true" });
    const identity = suite.emulator.state().userAssignedIdentities.find((record) => record.resource.name === "clusterdesk-aks-analytics-wi-orion-dev");
    expect(identity?.federatedCredentials.map((credential) => credential.properties.subject)).toEqual(["system:serviceaccount:orion-dev:workload"]);
    expect(dev.find((item) => item.kind === "ServiceAccount" && item.metadata.name === "workload")?.metadata.annotations?.["azure.workload.identity/client-id"]).toBe(identity?.resource.properties.clientId);
    const scope = `${clusterResourceId(analytics)}/namespaces/orion-dev`.toLowerCase();
    expect(suite.emulator.state().roleAssignments.filter((assignment) => assignment.scope.toLowerCase() === scope).map((assignment) => assignment.principalId).sort()).toEqual([demoGroups.analyticsOwners, demoGroups.analyticsMembers].sort());

    const test = await objectsOf(legacy, "orion-test");
    expect(kinds(test)).toEqual(expect.arrayContaining(["Namespace orion-test", "ResourceQuota clusterdesk-quota", "LimitRange clusterdesk-defaults", "RoleBinding clusterdesk-owners-admin", "RoleBinding clusterdesk-members-edit"]));
    expect(test.find((item) => item.kind === "Namespace" && item.metadata.name === "orion-test")?.metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "baseline", "clusterdesk.io/tenant": "orion" });

    expect((await aliyuCreatesConfigMap(analytics, "orion-dev")).code).toBe(0);
    expect((await aliyuCreatesConfigMap(legacy, "orion-test")).code).toBe(0);
    const refused = await aliyuCreatesConfigMap(legacy, "payments-dev");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("forbidden");

    for (const { cluster, payload } of environments) {
      const environment = await environmentOnCluster(tenantId, clusterResourceId(cluster), payload, randomUUID());
      const plan = await planEnvironment(environment.client, environment.rendered, "orion", environment.arm);
      expect(plan.summary.create + plan.summary.update + plan.summary.conflict).toBe(0);
    }
  });
});
