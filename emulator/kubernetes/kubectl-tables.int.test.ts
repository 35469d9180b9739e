import { describe, expect, it } from "vitest";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

const header = (output: string): string[] => (output.split("\n")[0] ?? "").trim().split(/\s{2,}/);

describe.each(rbacModes)("kubectl get prints the server's tables on %s", (_label, cluster) => {
  it("shows each kind's columns", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl) => {
      const namespaces = await kubectl(token, "get", "ns");
      expect(header(namespaces.stdout)).toEqual(["NAME", "STATUS", "AGE"]);
      expect(namespaces.stdout).toMatch(/^payments-dev\s+Active\s+\d+s$/m);
      const pods = await kubectl(token, "get", "pods", "-n", "payments-dev", "-o", "wide");
      expect(header(pods.stdout)).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"]);
      expect(pods.stdout).toMatch(/^payments-api-\S+\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.1\.12\s+aks-/m);
      expect(pods.stdout).toMatch(/^payments-batch-\S+\s+0\/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>$/m);
      await kubectl(token, "create", "rolebinding", "readers", "-n", "payments-dev", "--clusterrole=view", "--group=g1", "--user=u1");
      const bindings = await kubectl(token, "get", "rolebindings", "-n", "payments-dev", "-o", "wide");
      expect(header(bindings.stdout)).toEqual(["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"]);
      expect(bindings.stdout).toMatch(/^readers\s+ClusterRole\/view\s+\d+s\s+u1\s+g1\s*$/m);
      await kubectl(token, "create", "configmap", "settings", "-n", "payments-dev", "--from-literal=a=1", "--from-literal=b=2");
      expect((await kubectl(token, "get", "cm", "settings", "-n", "payments-dev")).stdout).toMatch(/^settings\s+2\s+\d+s$/m);
      const nodes = await kubectl(token, "get", "nodes", "--show-labels");
      expect(header(nodes.stdout)).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "LABELS"]);
      expect(nodes.stdout).toContain("agentpool=system");
    });
  });
});

describe("a single object as a table", () => {
  it("prints one row", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      const one = await kubectl(token, "get", "ns", "default");
      expect(one.stdout.trim().split("\n")).toHaveLength(2);
      expect(one.stdout).toMatch(/^default\s+Active\s+\d+s$/m);
    });
  });
});
