import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

const networkPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-ingress
  namespace: payments-dev
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
const roleBinding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: payments-readers
  namespace: payments-dev
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
- { apiGroup: rbac.authorization.k8s.io, kind: Group, name: a0000000-0000-4000-8000-0000000000b2 }
`;

describe("kubectl against the emulated API server", () => {
  it("gets namespaces and applies a NetworkPolicy and a RoleBinding", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl, directory) => {
      const namespaces = await kubectl(token, "get", "ns", "-o", "name");
      expect(namespaces.stderr).toBe("");
      expect(namespaces.stdout.split("\n")).toEqual(expect.arrayContaining(["namespace/default", "namespace/payments-dev", "namespace/kube-system"]));
      const table = await kubectl(token, "get", "ns");
      expect(table.stdout).toMatch(/NAME\s+/);
      await writeFile(path.join(directory, "netpol.yaml"), networkPolicy);
      await writeFile(path.join(directory, "binding.yaml"), roleBinding);
      const applied = await kubectl(token, "apply", "--validate=false", "-f", path.join(directory, "netpol.yaml"), "-f", path.join(directory, "binding.yaml"));
      expect(applied.stderr).toBe("");
      expect(applied.stdout).toContain("networkpolicy.networking.k8s.io/deny-ingress created");
      expect(applied.stdout).toContain("rolebinding.rbac.authorization.k8s.io/payments-readers created");
      const again = await kubectl(token, "apply", "--validate=false", "-f", path.join(directory, "netpol.yaml"));
      expect(again.stdout).toContain("unchanged");
      const serverSide = await kubectl(token, "apply", "--server-side", "--validate=false", "-f", path.join(directory, "binding.yaml"));
      expect(serverSide.stderr).toBe("");
      expect(serverSide.stdout).toContain("serverside-applied");
      const read = await kubectl(token, "get", "networkpolicy", "deny-ingress", "-n", "payments-dev", "-o", "jsonpath={.spec.policyTypes[0]}");
      expect(read.stdout).toBe("Ingress");
    });
  });

  it("answers auth can-i from the same authorization engine", async () => {
    const token = await server().token(users.reader);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      const yes = await kubectl(token, "auth", "can-i", "list", "pods", "-n", "payments-dev");
      expect(yes.stderr).toBe("");
      expect(yes.stdout.trim()).toBe("yes");
      const no = await kubectl(token, "auth", "can-i", "list", "pods", "-n", "search-dev");
      // kubectl prints the authorizer's reason after "no", as it does against AKS.
      expect(no.stdout.trim()).toBe("no - User does not have access to the resource in Azure. Update role assignment to allow access.");
      const create = await kubectl(token, "auth", "can-i", "create", "pods", "-n", "payments-dev");
      expect(create.stdout.trim()).toMatch(/^no\b/);
    });
  });

  it("shows a Reader the guard denial outside its namespace", async () => {
    const token = await server().token(users.reader);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      const allowed = await kubectl(token, "get", "pods", "-n", "payments-dev", "-o", "name");
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toContain("pod/payments-api-");
      const denied = await kubectl(token, "get", "pods", "-n", "search-dev");
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain(
        'Error from server (Forbidden): pods is forbidden: User "rita.reader@clusterdesk-demo.onmicrosoft.com" cannot list resource "pods" in API group "" in the namespace "search-dev": User does not have access to the resource in Azure. Update role assignment to allow access.',
      );
      const create = await kubectl(token, "create", "configmap", "x", "-n", "payments-dev");
      expect(create.code).not.toBe(0);
      expect(create.stderr).toContain('configmaps is forbidden: User "rita.reader@clusterdesk-demo.onmicrosoft.com" cannot create resource "configmaps"');
    });
  });
});
