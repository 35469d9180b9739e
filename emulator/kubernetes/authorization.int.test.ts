import { describe, expect, it } from "vitest";
import { AuthorizationV1Api, CoreV1Api, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import type { EntraIdentity } from "../contracts";
import type { ClusterKey } from "../contracts";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, users } from "./testing/world";
import { failure, kubeConfigFor } from "./testing/kube-client";

const server = standaloneServerForSuite();

async function clients(user: EntraIdentity, cluster: ClusterKey = clusters.sharedDev) {
  const kc = kubeConfigFor(server(), cluster, await server().token(user));
  return { core: kc.makeApiClient(CoreV1Api), rbac: kc.makeApiClient(RbacAuthorizationV1Api), authorization: kc.makeApiClient(AuthorizationV1Api) };
}

const quota = { metadata: { name: "q" }, spec: { hard: { pods: "5" } } };

describe("Azure RBAC clusters", () => {
  it("lets a namespace Reader list pods there only, and never write", async () => {
    const { core } = await clients(users.reader);
    expect((await core.listNamespacedPod({ namespace: "payments-dev" })).items.length).toBeGreaterThan(0);
    expect(await failure(core.listNamespacedPod({ namespace: "search-dev" }))).toEqual({
      code: 403,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message:
          'pods is forbidden: User "rita.reader@clusterdesk-demo.onmicrosoft.com" cannot list resource "pods" in API group "" in the namespace "search-dev": User does not have access to the resource in Azure. Update role assignment to allow access.',
        reason: "Forbidden",
        details: { kind: "pods" },
        code: 403,
      },
    });
    const create = await failure(core.createNamespacedConfigMap({ namespace: "payments-dev", body: { metadata: { name: "c" } } }));
    expect(create.code).toBe(403);
    expect((await failure(core.listNode())).body).toMatchObject({
      message: expect.stringContaining('cannot list resource "nodes" in API group "" at the cluster scope'),
    });
    // guard scopes `namespaces/{name}` to that namespace, so the Reader may read its own namespace object.
    expect((await core.readNamespace({ name: "payments-dev" })).metadata?.name).toBe("payments-dev");
    const secret = await failure(core.listNamespacedSecret({ namespace: "payments-dev" }));
    expect(secret.code).toBe(403);
  });

  it("keeps RBAC Admin away from resource quotas and namespaces, but lets it bind roles", async () => {
    const { core, rbac } = await clients(users.rbacAdmin);
    expect((await failure(core.createNamespacedResourceQuota({ namespace: "payments-dev", body: quota }))).code).toBe(403);
    expect((await failure(core.createNamespace({ body: { metadata: { name: "new-team" } } }))).code).toBe(403);
    expect((await failure(core.deleteNamespace({ name: "search-dev" }))).code).toBe(403);
    expect((await core.listNamespacedResourceQuota({ namespace: "payments-dev" })).items).toEqual([]);
    await rbac.createNamespacedRoleBinding({
      namespace: "payments-dev",
      body: { metadata: { name: "b" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, subjects: [{ kind: "User", name: "x" }] },
    });
  });

  it("makes admin-group members cluster admins", async () => {
    const { core } = await clients(users.clusterAdmin);
    await core.createNamespace({ body: { metadata: { name: "new-team" } } });
    await core.createNamespacedResourceQuota({ namespace: "new-team", body: quota });
    await core.deleteNamespace({ name: "new-team" });
    expect((await core.listNode()).items.length).toBeGreaterThan(0);
  });

  it("denies a caller with no assignment", async () => {
    const { core } = await clients(users.nobody);
    expect((await failure(core.listNamespace())).code).toBe(403);
  });
});

describe("Kubernetes RBAC clusters", () => {
  it("grants a group exactly its RoleBinding's ClusterRole verbs", async () => {
    const { core, rbac } = await clients(users.paymentsMember, clusters.platform);
    await core.createNamespacedConfigMap({ namespace: "payments-dev", body: { metadata: { name: "c" } } });
    expect((await core.listNamespacedPod({ namespace: "payments-dev" })).items.length).toBeGreaterThan(0);
    // edit grants no RBAC objects, nothing in other namespaces, no resource quota writes.
    expect((await failure(rbac.listNamespacedRoleBinding({ namespace: "payments-dev" }))).code).toBe(403);
    expect((await failure(core.createNamespacedResourceQuota({ namespace: "payments-dev", body: quota }))).code).toBe(403);
    const other = await failure(core.listNamespacedPod({ namespace: "search-dev" }));
    expect(other.body).toMatchObject({
      message: 'pods is forbidden: User "pat.payments@clusterdesk-demo.onmicrosoft.com" cannot list resource "pods" in API group "" in the namespace "search-dev"',
    });
  });

  it("ignores Azure role assignments", async () => {
    // RBAC Admin is assigned on the resource group, which covers this cluster too: guard is not consulted here.
    const { core } = await clients(users.rbacAdmin, clusters.platform);
    expect((await failure(core.listNamespacedPod({ namespace: "payments-dev" }))).code).toBe(403);
  });

  it("seeds the aad-pod-identity objects on the pod identity cluster", async () => {
    const { core } = await clients(users.clusterAdmin, clusters.legacy);
    const pods = await core.listNamespacedPod({ namespace: "payments-dev", labelSelector: "aadpodidbinding=payments-reader" });
    expect(pods.items).toHaveLength(1);
  });
});

describe("access reviews", () => {
  it("answers SelfSubjectAccessReview and SubjectAccessReview with the same engine", async () => {
    const reader = await clients(users.reader);
    const self = await reader.authorization.createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { namespace: "payments-dev", verb: "list", resource: "pods" } } },
    });
    expect(self.status?.allowed).toBe(true);
    const admin = await clients(users.clusterAdmin, clusters.platform);
    const review = await admin.authorization.createSubjectAccessReview({
      body: {
        spec: {
          user: users.paymentsMember.userPrincipalName,
          groups: users.paymentsMember.groups,
          resourceAttributes: { namespace: "payments-dev", verb: "create", group: "rbac.authorization.k8s.io", resource: "rolebindings" },
        },
      },
    });
    expect(review.status).toEqual({ allowed: false });
  });
});
