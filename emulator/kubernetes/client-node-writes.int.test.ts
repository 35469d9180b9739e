import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions, type V1RoleBinding } from "@kubernetes/client-node";
import { startStandaloneServer, type StandaloneServer } from "./testing/standalone-server";
import { clusters, demoWorld, users } from "./testing/world";
import { failure, kubeConfigFor } from "./testing/kube-client";

let server: StandaloneServer;
let core: CoreV1Api;
let rbac: RbacAuthorizationV1Api;
let objects: KubernetesObjectApi;

beforeAll(async () => {
  server = await startStandaloneServer(demoWorld());
  const kc = kubeConfigFor(server, clusters.sharedDev, await server.token(users.clusterAdmin));
  core = kc.makeApiClient(CoreV1Api);
  rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  objects = KubernetesObjectApi.makeApiClient(kc);
});
afterAll(() => server.close());
beforeEach(() => server.side.reset());

const namespace = "payments-dev";
const binding = (role: string): V1RoleBinding => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name: "team-access", namespace },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
  subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "team-group" }],
});

describe("server-side apply through KubernetesObjectApi", () => {
  it("creates, updates, conflicts without force and takes over with force", async () => {
    const created = await objects.patch(binding("view"), undefined, undefined, "aks-portal", undefined, PatchStrategy.ServerSideApply);
    expect(created.roleRef?.name).toBe("view");
    expect(created.metadata?.managedFields?.[0]).toMatchObject({ manager: "aks-portal", operation: "Apply", fieldsType: "FieldsV1" });
    expect(created.metadata?.managedFields?.[0]?.fieldsV1).toMatchObject({ "f:roleRef": { "f:name": {} } });

    const updated = await objects.patch(binding("edit"), undefined, undefined, "aks-portal", undefined, PatchStrategy.ServerSideApply);
    expect(updated.roleRef?.name).toBe("edit");
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));

    const conflict = await failure(objects.patch(binding("admin"), undefined, undefined, "other-tool", undefined, PatchStrategy.ServerSideApply));
    expect(conflict.code).toBe(409);
    expect(conflict.body).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'Apply failed with 1 conflict: conflict with "aks-portal" using rbac.authorization.k8s.io/v1: .roleRef.name',
      reason: "Conflict",
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "aks-portal" using rbac.authorization.k8s.io/v1', field: ".roleRef.name" }] },
      code: 409,
    });

    const forced = await objects.patch(binding("admin"), undefined, undefined, "other-tool", true, PatchStrategy.ServerSideApply);
    expect(forced.roleRef?.name).toBe("admin");
    const owners = forced.metadata?.managedFields?.map((entry) => entry.manager);
    expect(owners).toContain("other-tool");
    // The portal now only shares the fields whose values agree; applying its old value conflicts again.
    expect((await failure(objects.patch(binding("edit"), undefined, undefined, "aks-portal", undefined, PatchStrategy.ServerSideApply))).code).toBe(409);
  });

  it("applies with the typed client and setHeaderOptions, with a JSON body", async () => {
    const options = setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply);
    const applied = await rbac.patchNamespacedRoleBinding({ name: "team-access", namespace, body: binding("view"), fieldManager: "aks-portal", force: true }, options);
    expect(applied.roleRef.name).toBe("view");
    const missing = await failure(rbac.patchNamespacedRoleBinding({ name: "team-access", namespace, body: binding("view") }, options));
    expect(missing.code).toBe(422);
    expect(missing.body).toMatchObject({ reason: "Invalid", details: { causes: [{ reason: "FieldValueRequired", field: "fieldManager" }] } });
  });

  it("removes fields a manager stops applying", async () => {
    const labelled = { ...binding("view"), metadata: { ...binding("view").metadata, labels: { a: "1", b: "2" } } };
    await objects.patch(labelled, undefined, undefined, "aks-portal", undefined, PatchStrategy.ServerSideApply);
    const trimmed = { ...binding("view"), metadata: { ...binding("view").metadata, labels: { a: "1" } } };
    const result = await objects.patch(trimmed, undefined, undefined, "aks-portal", undefined, PatchStrategy.ServerSideApply);
    expect(result.metadata?.labels).toEqual({ a: "1" });
  });
});

describe("merge and JSON patch", () => {
  it("merge-patches labels and JSON-patches data", async () => {
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "settings", labels: { keep: "yes", drop: "yes" } }, data: { a: "1" } } });
    const merged = await core.patchNamespacedConfigMap(
      { namespace, name: "settings", body: { metadata: { labels: { drop: null, added: "yes" } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    expect(merged.metadata?.labels).toEqual({ keep: "yes", added: "yes" });
    const patched = await core.patchNamespacedConfigMap({
      namespace,
      name: "settings",
      body: [
        { op: "replace", path: "/data/a", value: "2" },
        { op: "add", path: "/data/b", value: "3" },
      ],
    });
    expect(patched.data).toEqual({ a: "2", b: "3" });
    const badPath = await failure(core.patchNamespacedConfigMap({ namespace, name: "settings", body: [{ op: "remove", path: "/data/zzz" }] }));
    expect(badPath.code).toBe(422);
  });

  it("refuses a stale resourceVersion with the exact Conflict Status", async () => {
    await core.createNamespacedResourceQuota({ namespace, body: { metadata: { name: "q" }, spec: { hard: { pods: "10" } } } });
    const first = await core.readNamespacedResourceQuota({ namespace, name: "q" });
    const stale = structuredClone(first);
    first.spec = { hard: { pods: "20" } };
    await core.replaceNamespacedResourceQuota({ namespace, name: "q", body: first });
    stale.spec = { hard: { pods: "30" } };
    const conflict = await failure(core.replaceNamespacedResourceQuota({ namespace, name: "q", body: stale }));
    expect(conflict).toEqual({
      code: 409,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: 'Operation cannot be fulfilled on resourcequotas "q": the object has been modified; please apply your changes to the latest version and try again',
        reason: "Conflict",
        details: { name: "q", kind: "resourcequotas" },
        code: 409,
      },
    });
  });
});

describe("Status errors", () => {
  it("404 for a missing namespace and for a namespaced create into it", async () => {
    const missing = await failure(core.readNamespace({ name: "x" }));
    expect(missing).toEqual({
      code: 404,
      body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: 'namespaces "x" not found', reason: "NotFound", details: { name: "x", kind: "namespaces" }, code: 404 },
    });
    const create = await failure(core.createNamespacedConfigMap({ namespace: "x", body: { metadata: { name: "c" } } }));
    expect(create.code).toBe(404);
    expect(create.body).toMatchObject({ message: 'namespaces "x" not found', reason: "NotFound" });
  });

  it("409 AlreadyExists, with the group for non-core kinds", async () => {
    const body = { metadata: { name: "q" }, spec: { hard: { pods: "1" } } };
    await core.createNamespacedResourceQuota({ namespace, body });
    expect(await failure(core.createNamespacedResourceQuota({ namespace, body }))).toEqual({
      code: 409,
      body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: 'resourcequotas "q" already exists', reason: "AlreadyExists", details: { name: "q", kind: "resourcequotas" }, code: 409 },
    });
    await rbac.createNamespacedRoleBinding({ namespace, body: binding("view") });
    const duplicate = await failure(rbac.createNamespacedRoleBinding({ namespace, body: binding("view") }));
    expect(duplicate.body).toMatchObject({
      message: 'rolebindings.rbac.authorization.k8s.io "team-access" already exists',
      details: { name: "team-access", group: "rbac.authorization.k8s.io", kind: "rolebindings" },
    });
  });

  it("422 Invalid for a bad name and bad quantities", async () => {
    const badName = await failure(core.createNamespace({ body: { metadata: { name: "Team_A" } } }));
    expect(badName.code).toBe(422);
    expect(badName.body).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message:
        "Namespace \"Team_A\" is invalid: metadata.name: Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      reason: "Invalid",
      details: {
        name: "Team_A",
        kind: "Namespace",
        causes: [
          {
            reason: "FieldValueInvalid",
            message:
              "Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            field: "metadata.name",
          },
        ],
      },
      code: 422,
    });
    const badQuantity = await failure(core.createNamespacedResourceQuota({ namespace, body: { metadata: { name: "q" }, spec: { hard: { "requests.cpu": "lots" } } } }));
    expect(badQuantity.code).toBe(422);
    expect(badQuantity.body).toMatchObject({ reason: "Invalid", details: { kind: "ResourceQuota", causes: [{ reason: "FieldValueInvalid", field: "spec.hard[requests.cpu]" }] } });
    const badLimit = await failure(
      core.createNamespacedLimitRange({ namespace, body: { metadata: { name: "l" }, spec: { limits: [{ type: "Container", max: { memory: "-1Gi" } }] } } }),
    );
    expect(badLimit.body).toMatchObject({ details: { causes: [{ field: "spec.limits[0].max[memory]" }] } });
  });

  it("401 without a valid token", async () => {
    const expired = await server.token(users.clusterAdmin, { expiresIn: "-1m" });
    const kc = kubeConfigFor(server, clusters.sharedDev, expired);
    const denied = await failure(kc.makeApiClient(CoreV1Api).listNamespace());
    expect(denied.code).toBe(401);
    const wrongAudience = await server.token(users.clusterAdmin, { audience: "https://management.azure.com" });
    expect((await failure(kubeConfigFor(server, clusters.sharedDev, wrongAudience).makeApiClient(CoreV1Api).listNamespace())).code).toBe(401);
  });
});

describe("KubernetesObjectApi discovery", () => {
  it("finds resources by apiVersion and kind and reads, lists and deletes through them", async () => {
    const spec = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace }, spec: { podSelector: {} } };
    await objects.create(spec);
    const read = await objects.read({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace } });
    expect(read.metadata?.uid).toBeDefined();
    const list = await objects.list("aadpodidentity.k8s.io/v1", "AzureIdentity", namespace);
    expect(list.items).toEqual([]);
    await objects.delete({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace } });
    const nodes = await objects.list("v1", "Node");
    expect(nodes.items.length).toBeGreaterThan(0);
  });
});

describe("private clusters", () => {
  it("drops connections to a private cluster", async () => {
    const kcPrivate = kubeConfigFor(server, clusters.privateProd, await server.token(users.clusterAdmin));
    await expect(kcPrivate.makeApiClient(CoreV1Api).listNamespace()).rejects.toThrow();
  });
});
