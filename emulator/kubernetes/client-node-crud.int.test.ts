import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CoreV1Api, CustomObjectsApi, NetworkingV1Api, PolicyV1Api, RbacAuthorizationV1Api, VersionApi } from "@kubernetes/client-node";
import { startStandaloneServer, type StandaloneServer } from "./testing/standalone-server";
import { clusters, demoWorld, users } from "./testing/world";
import { failure, kubeConfigFor } from "./testing/kube-client";

let server: StandaloneServer;
let core: CoreV1Api;
let networking: NetworkingV1Api;
let rbac: RbacAuthorizationV1Api;
let policy: PolicyV1Api;
let custom: CustomObjectsApi;

beforeAll(async () => {
  server = await startStandaloneServer(demoWorld());
  const kc = kubeConfigFor(server, clusters.sharedDev, await server.token(users.clusterAdmin));
  core = kc.makeApiClient(CoreV1Api);
  networking = kc.makeApiClient(NetworkingV1Api);
  rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  policy = kc.makeApiClient(PolicyV1Api);
  custom = kc.makeApiClient(CustomObjectsApi);
});
afterAll(() => server.close());
beforeEach(() => server.side.reset());

describe("@kubernetes/client-node against the emulated API server", () => {
  it("reports the cluster's version", async () => {
    const kc = kubeConfigFor(server, clusters.sharedDev, await server.token(users.nobody));
    const version = await kc.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe("v1.32.4");
    expect(version.major).toBe("1");
  });

  it("creates, reads, lists, replaces and deletes namespaces", async () => {
    const created = await core.createNamespace({ body: { metadata: { name: "team-a", labels: { team: "a" } } } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.labels?.["kubernetes.io/metadata.name"]).toBe("team-a");
    expect(created.status?.phase).toBe("Active");
    const read = await core.readNamespace({ name: "team-a" });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    const list = await core.listNamespace({ labelSelector: "team=a" });
    expect(list.items.map((item) => item.metadata?.name)).toEqual(["team-a"]);
    expect(list.metadata?.resourceVersion).toMatch(/^\d+$/);
    read.metadata = { ...read.metadata, labels: { ...read.metadata?.labels, tier: "gold" } };
    const replaced = await core.replaceNamespace({ name: "team-a", body: read });
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    await core.createNamespacedConfigMap({ namespace: "team-a", body: { metadata: { name: "settings" }, data: { a: "1" } } });
    await core.deleteNamespace({ name: "team-a" });
    expect((await failure(core.readNamespace({ name: "team-a" }))).code).toBe(404);
    expect((await failure(core.readNamespacedConfigMap({ namespace: "team-a", name: "settings" }))).code).toBe(404);
  });

  it("serves resource quotas, limit ranges, service accounts, config maps and pods", async () => {
    const namespace = "payments-dev";
    await core.createNamespacedResourceQuota({ namespace, body: { metadata: { name: "quota" }, spec: { hard: { "requests.cpu": "4", "requests.memory": "8Gi", pods: "20" } } } });
    const quota = await core.readNamespacedResourceQuota({ namespace, name: "quota" });
    expect(quota.spec?.hard?.["requests.memory"]).toBe("8Gi");
    await core.createNamespacedLimitRange({
      namespace,
      body: { metadata: { name: "limits" }, spec: { limits: [{ type: "Container", _default: { cpu: "500m" }, defaultRequest: { cpu: "100m" } }] } },
    });
    const limits = await core.readNamespacedLimitRange({ namespace, name: "limits" });
    expect(limits.spec?.limits[0]?._default?.cpu).toBe("500m");
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: "builder", annotations: { "azure.workload.identity/client-id": "x" } } } });
    expect((await core.listNamespacedServiceAccount({ namespace })).items.map((sa) => sa.metadata?.name)).toContain("builder");
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "settings" }, data: { mode: "dev" } } });
    const pod = await core.createNamespacedPod({ namespace, body: { metadata: { name: "debug" }, spec: { containers: [{ name: "c", image: "busybox" }] } } });
    expect(pod.status?.phase).toBe("Pending");
    const deletedPod = await core.deleteNamespacedPod({ namespace, name: "debug" });
    expect(deletedPod.metadata?.deletionTimestamp).toBeDefined();
    const deleted = await core.deleteNamespacedConfigMap({ namespace, name: "settings" });
    expect(deleted.status).toBe("Success");
    await core.deleteNamespacedResourceQuota({ namespace, name: "quota" });
    await core.deleteNamespacedLimitRange({ namespace, name: "limits" });
    await core.deleteNamespacedServiceAccount({ namespace, name: "builder" });
  });

  it("lists seeded nodes with their pool's labels and taints", async () => {
    const nodes = await core.listNode({ labelSelector: "agentpool=gpu" });
    expect(nodes.items).toHaveLength(3);
    const [gpu] = nodes.items;
    expect(gpu?.metadata?.labels).toMatchObject({ "kubernetes.azure.com/mode": "user", "kubernetes.io/os": "linux", accelerator: "nvidia" });
    expect(gpu?.spec?.taints).toEqual([{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }]);
    const system = await core.listNode({ labelSelector: "kubernetes.azure.com/mode in (system)" });
    expect(system.items).toHaveLength(3);
  });

  it("serves network policies, RBAC objects and pod disruption budgets", async () => {
    const namespace = "search-dev";
    await networking.createNamespacedNetworkPolicy({ namespace, body: { metadata: { name: "deny-all" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } } });
    expect((await networking.readNamespacedNetworkPolicy({ namespace, name: "deny-all" })).metadata?.generation).toBe(1);
    await rbac.createNamespacedRole({ namespace, body: { metadata: { name: "reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] } });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: { metadata: { name: "readers" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" }, subjects: [{ kind: "Group", name: "g", apiGroup: "rbac.authorization.k8s.io" }] },
    });
    await rbac.createClusterRole({ body: { metadata: { name: "custom:reader" }, rules: [{ apiGroups: [""], resources: ["nodes"], verbs: ["list"] }] } });
    await rbac.createClusterRoleBinding({
      body: { metadata: { name: "custom:readers" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "custom:reader" }, subjects: [{ kind: "User", name: "u" }] },
    });
    const builtIns = (await rbac.listClusterRole()).items.map((role) => role.metadata?.name);
    expect(builtIns).toEqual(expect.arrayContaining(["view", "edit", "admin", "cluster-admin", "custom:reader"]));
    expect((await rbac.listClusterRoleBinding()).items.map((binding) => binding.metadata?.name)).toContain("custom:readers");
    expect((await rbac.listNamespacedRoleBinding({ namespace })).items).toHaveLength(1);
    await policy.createNamespacedPodDisruptionBudget({ namespace, body: { metadata: { name: "api" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "api" } } } } });
    expect((await policy.readNamespacedPodDisruptionBudget({ namespace, name: "api" })).spec?.minAvailable).toBe(1);
    await Promise.all([
      networking.deleteNamespacedNetworkPolicy({ namespace, name: "deny-all" }),
      rbac.deleteNamespacedRole({ namespace, name: "reader" }),
      rbac.deleteNamespacedRoleBinding({ namespace, name: "readers" }),
      rbac.deleteClusterRole({ name: "custom:reader" }),
      rbac.deleteClusterRoleBinding({ name: "custom:readers" }),
      policy.deleteNamespacedPodDisruptionBudget({ namespace, name: "api" }),
    ]);
  });

  it("serves the aad-pod-identity custom resources", async () => {
    const group = "aadpodidentity.k8s.io";
    const version = "v1";
    const namespace = "payments-dev";
    const kinds: [string, string, object][] = [
      ["azureidentities", "AzureIdentity", { type: 0, resourceID: "/subscriptions/s/x", clientID: "c" }],
      ["azureidentitybindings", "AzureIdentityBinding", { azureIdentity: "id", selector: "id" }],
      ["azureassignedidentities", "AzureAssignedIdentity", { podName: "p" }],
      ["azurepodidentityexceptions", "AzurePodIdentityException", { podLabels: { app: "x" } }],
    ];
    for (const [plural, kind, spec] of kinds) {
      await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: { apiVersion: `${group}/${version}`, kind, metadata: { name: "one" }, spec } });
      const read = (await custom.getNamespacedCustomObject({ group, version, namespace, plural, name: "one" })) as { kind: string; spec: object };
      expect(read.kind).toBe(kind);
      expect(read.spec).toEqual(spec);
      const list = (await custom.listNamespacedCustomObject({ group, version, namespace, plural })) as { items: unknown[] };
      expect(list.items).toHaveLength(1);
      await custom.deleteNamespacedCustomObject({ group, version, namespace, plural, name: "one" });
    }
  });

  it("filters pods by label and field selectors", async () => {
    const namespace = "payments-dev";
    const running = await core.listNamespacedPod({ namespace, fieldSelector: "status.phase=Running" });
    expect(running.items.length).toBe(2);
    expect(running.items.every((pod) => pod.status?.phase === "Running")).toBe(true);
    const pending = await core.listNamespacedPod({ namespace, fieldSelector: "status.phase!=Running" });
    expect(pending.items.map((pod) => pod.status?.phase)).toEqual(["Pending"]);
    expect((await core.listNamespacedPod({ namespace, labelSelector: "app notin (payments-api,payments-worker)" })).items).toHaveLength(1);
    expect((await core.listNamespacedPod({ namespace, labelSelector: "!app" })).items).toHaveLength(0);
    const byName = await core.listNamespace({ fieldSelector: "metadata.name=search-dev" });
    expect(byName.items.map((ns) => ns.metadata?.name)).toEqual(["search-dev"]);
    const tenants = await core.listNamespace({ labelSelector: "clusterdesk.io/tenant" });
    expect(tenants.items.map((ns) => ns.metadata?.name)).toEqual(["payments-dev", "search-dev"]);
    const all = await core.listPodForAllNamespaces({ fieldSelector: "metadata.namespace=kube-system" });
    expect(all.items.length).toBeGreaterThan(0);
  });
});
