import { describe, expect, it } from "vitest";
import { roleAssignmentNameFor } from "@/lib/access/grant-names";
import { classifyArm } from "./arm-plan";
import type { EnvironmentTarget } from "./environment-target";
import { checkPlacement, usesManagedNamespaces } from "./environment-target";
import { pendingClientId, renderEnvironment } from "./render-environment";
import { environmentTemplates } from "./templates";

const owners = "11111111-1111-4111-8111-111111111111";
const members = "22222222-2222-4222-8222-222222222222";
const tenant = { slug: "orion", ownerGroupId: owners, memberGroupIds: [members] };
const clusterResourceId = "/subscriptions/s/resourceGroups/rg-sandbox/providers/Microsoft.ContainerService/managedClusters/aks-analytics-wi";
const azureRbac: EnvironmentTarget = {
  clusterResourceId, clusterName: "aks-analytics-wi", subscriptionId: "s", resourceGroup: "rg-sandbox", location: "eastus", azureRbac: true,
  oidcIssuerUrl: "https://eastus.oic.prod-aks.azure.com/t/c/",
  nodePools: [{ name: "system", taints: ["CriticalAddonsOnly=true:NoSchedule"], labels: {} }, { name: "tenants", taints: ["clusterdesk.io/dedicated=tenants:NoSchedule"], labels: { "clusterdesk.io/pool": "tenants" } }],
};
const kubernetesRbac: EnvironmentTarget = { ...azureRbac, clusterResourceId: clusterResourceId.replace("aks-analytics-wi", "aks-legacy-podid"), clusterName: "aks-legacy-podid", azureRbac: false, oidcIssuerUrl: null, nodePools: [azureRbac.nodePools[0] ?? { name: "", taints: [], labels: {} }] };

describe("environments on Azure-RBAC clusters: managed namespaces, workload identity, role assignments", () => {
  it("puts the namespace in ARM with CPU and memory in its default quota, and the rest of the quota in Clusterdesk's ResourceQuota", () => {
    const rendered = renderEnvironment(tenant, "dev", environmentTemplates.standard, azureRbac);
    expect(usesManagedNamespaces(azureRbac)).toBe(true);
    expect(rendered.arm.before.map((intent) => intent.kind)).toEqual(["ManagedNamespace", "UserAssignedIdentity", "FederatedIdentityCredential"]);
    const managed = rendered.arm.before[0];
    expect(managed).toMatchObject({
      name: "orion-dev",
      properties: {
        labels: { "clusterdesk.io/tenant": "orion", "pod-security.kubernetes.io/enforce": "baseline" },
        defaultResourceQuota: { cpuRequest: "4", cpuLimit: "8", memoryRequest: "8Gi", memoryLimit: "16Gi" },
        defaultNetworkPolicy: { ingress: "DenyAll", egress: "DenyAll" },
        adoptionPolicy: "Never",
        deletePolicy: "Keep",
      },
    });
    expect(rendered.objects.map((object) => object.kind)).toEqual(["ResourceQuota", "LimitRange", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "ServiceAccount"]);
    expect(rendered.objects[0]?.spec).toEqual({ hard: { pods: "50", "services.loadbalancers": "1", persistentvolumeclaims: "10", "requests.storage": "100Gi" } });
    expect(rendered.objects.at(-1)?.metadata.annotations).toEqual({ "azure.workload.identity/client-id": pendingClientId });
  });

  it("federates the identity with the cluster's issuer for the environment's ServiceAccount, and annotates it with the client id once known", () => {
    const rendered = renderEnvironment(tenant, "dev", environmentTemplates.standard, azureRbac, { identityClientId: "c1" });
    expect(rendered.arm.before[1]).toMatchObject({ kind: "UserAssignedIdentity", name: "clusterdesk-aks-analytics-wi-orion-dev", resourceGroup: "rg-sandbox", location: "eastus" });
    expect(rendered.arm.before[2]).toMatchObject({ issuer: azureRbac.oidcIssuerUrl, subject: "system:serviceaccount:orion-dev:workload", audiences: ["api://AzureADTokenExchange"] });
    expect(rendered.objects.at(-1)?.metadata).toMatchObject({ name: "workload", annotations: { "azure.workload.identity/client-id": "c1" } });
  });

  it("grants the owner group Admin and member groups Writer at the namespace's scope, with names stable across renders", () => {
    const first = renderEnvironment(tenant, "dev", environmentTemplates.standard, azureRbac).arm.after;
    expect(first).toEqual([
      expect.objectContaining({ role: "admin", principalId: owners, scope: `${clusterResourceId}/namespaces/orion-dev` }),
      expect.objectContaining({ role: "writer", principalId: members }),
    ]);
    expect(renderEnvironment(tenant, "dev", environmentTemplates.standard, azureRbac).arm.after.map((intent) => intent.key === first[0]?.key)).toEqual([true, false]);
    expect(first[0]?.kind === "RoleAssignment" && first[0].name).toBe(roleAssignmentNameFor(`tenant-environment:${clusterResourceId.toLowerCase()}/orion-dev:admin:${owners}`));
    expect(new Set(first.map((intent) => intent.kind === "RoleAssignment" && intent.name)).size).toBe(2);
  });

  it("keeps the Kubernetes namespace and RoleBindings on Kubernetes-RBAC clusters, and says why there is no workload identity without an issuer", () => {
    const rendered = renderEnvironment(tenant, "dev", environmentTemplates.standard, kubernetesRbac);
    expect(rendered.arm).toEqual({ before: [], after: [] });
    expect(rendered.objects.map((object) => object.kind)).toEqual(["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "RoleBinding", "RoleBinding"]);
    expect(rendered.notes).toEqual([expect.stringContaining("aks-legacy-podid has no OIDC issuer")]);
  });
});

describe("workload identity on a Kubernetes-RBAC cluster with an OIDC issuer", () => {
  it("creates the identity and credential through ARM, and the namespace, ServiceAccount and RoleBindings through Kubernetes", () => {
    const rendered = renderEnvironment(tenant, "dev", environmentTemplates.standard, { ...kubernetesRbac, oidcIssuerUrl: "https://issuer.example/" });
    expect(rendered.arm.before.map((intent) => intent.kind)).toEqual(["UserAssignedIdentity", "FederatedIdentityCredential"]);
    expect(rendered.arm.after).toEqual([]);
    expect(rendered.objects.map((object) => object.kind)).toEqual(["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "ServiceAccount", "RoleBinding", "RoleBinding"]);
    expect(rendered.objects[1]?.spec).toEqual({ hard: { ...environmentTemplates.standard.quota } });
    expect(rendered.notes).toEqual([]);
  });

  it("gives the sandbox template no identity at all", () => {
    const rendered = renderEnvironment(tenant, "dev", environmentTemplates.sandbox, azureRbac);
    expect(rendered.arm.before.map((intent) => intent.kind)).toEqual(["ManagedNamespace"]);
    expect(rendered.objects.map((object) => object.kind)).not.toContain("ServiceAccount");
  });
});

describe("node-pool placement", () => {
  const placement = environmentTemplates.restricted.placement;
  if (!placement) throw new Error("the restricted template places workloads on the dedicated pool");

  it("finds the pool with both the taint and the label, and annotates the namespace with the selector and toleration", () => {
    expect(checkPlacement(placement, azureRbac)).toEqual({ ok: true, pool: "tenants" });
    const rendered = renderEnvironment(tenant, "prod", environmentTemplates.restricted, azureRbac);
    expect(rendered.blockers).toEqual([]);
    const annotations = rendered.arm.before[0]?.kind === "ManagedNamespace" ? rendered.arm.before[0].properties.annotations : {};
    expect(annotations["scheduler.alpha.kubernetes.io/node-selector"]).toBe("clusterdesk.io/pool=tenants");
    expect(JSON.parse(annotations["scheduler.alpha.kubernetes.io/defaultTolerations"] ?? "[]")).toEqual([{ key: "clusterdesk.io/dedicated", operator: "Equal", value: "tenants", effect: "NoSchedule" }]);
  });

  it("blocks with a clear message on a cluster without the pool, or with the label but not the taint", () => {
    expect(renderEnvironment(tenant, "prod", environmentTemplates.restricted, kubernetesRbac).blockers).toEqual([
      "No node pool on aks-legacy-podid has the taint clusterdesk.io/dedicated=tenants:NoSchedule and the label clusterdesk.io/pool=tenants this template places workloads on. Add such a pool or choose another template.",
    ]);
    const untainted = { ...kubernetesRbac, nodePools: [{ name: "apps", taints: [], labels: { "clusterdesk.io/pool": "tenants" } }] };
    expect(checkPlacement(placement, untainted)).toEqual({ ok: false, message: expect.stringContaining("Node pool apps on aks-legacy-podid has the label clusterdesk.io/pool=tenants but not the taint") });
  });
});

describe("classifying ARM steps", () => {
  const [managed, identity] = renderEnvironment(tenant, "dev", environmentTemplates.standard, azureRbac).arm.before;
  if (!managed || !identity) throw new Error("rendered");

  it("creates what is absent, and refuses a namespace that exists outside ARM (adoption Never)", () => {
    expect(classifyArm(managed, { kind: "ManagedNamespace", resource: null, namespaceOnCluster: null }, "orion")).toMatchObject({ action: "create", via: "arm" });
    const existing = classifyArm(managed, { kind: "ManagedNamespace", resource: null, namespaceOnCluster: { labels: { "kubernetes.io/metadata.name": "orion-dev" } } }, "orion");
    expect(existing.action).toBe("conflict");
    expect(existing.reason).toContain("Namespace orion-dev already exists on the cluster and was not made by Clusterdesk; Clusterdesk creates managed namespaces with adoption policy Never");
  });

  it("finds a changed quota figure as a one-field update, and the same properties unchanged", () => {
    const properties = managed.kind === "ManagedNamespace" ? managed.properties : null;
    const live = { ...properties, provisioningState: "Succeeded", defaultResourceQuota: { ...properties?.defaultResourceQuota, cpuRequest: "2" } };
    const step = classifyArm(managed, { kind: "ManagedNamespace", resource: { properties: live }, namespaceOnCluster: { labels: {} } }, "orion");
    expect(step).toMatchObject({ action: "update", changes: [{ path: "properties.defaultResourceQuota.cpuRequest", before: "2", after: "4" }] });
    expect(classifyArm(managed, { kind: "ManagedNamespace", resource: { properties: { ...properties } }, namespaceOnCluster: { labels: {} } }, "orion").action).toBe("unchanged");
    expect(classifyArm(identity, { kind: "UserAssignedIdentity", resource: { location: "eastus", tags: identity.kind === "UserAssignedIdentity" ? identity.tags : {} } }, "orion").action).toBe("unchanged");
  });
});
