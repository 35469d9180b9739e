import { describe, expect, it } from "vitest";
import { teamGroups } from "./seed/tenant-plan";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { adminGroup, clusters, rbacModes, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

describe.each(rbacModes)("kubectl auth whoami on %s", (_label, cluster) => {
  it("shows the Entra user as guard names it, and the impersonated identity under --as", async () => {
    const token = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(cluster), server().caPem, async (kubectl) => {
      const whoami = await kubectl(token, "auth", "whoami", "-o", "json");
      expect(whoami.stderr).toBe("");
      expect(JSON.parse(whoami.stdout)).toMatchObject({
        kind: "SelfSubjectReview",
        apiVersion: "authentication.k8s.io/v1",
        status: { userInfo: { username: users.clusterAdmin.userPrincipalName, groups: [adminGroup, "system:authenticated"], extra: { oid: [users.clusterAdmin.objectId] } } },
      });
      const impersonated = await kubectl(token, "auth", "whoami", "--as=someone", "--as-group=g1", "--as-uid=u1");
      expect(impersonated.stdout).toMatch(/Username\s+someone\nUID\s+u1\nGroups\s+\[g1 system:authenticated\]/);
    });
  });
});

describe("kubectl auth can-i --list", () => {
  it("lists the RoleBinding's rules in the namespace on a Kubernetes RBAC cluster, and nothing elsewhere", async () => {
    const token = await server().token(users.paymentsMember);
    await withKubectl(server().serverUrl(clusters.platform), server().caPem, async (kubectl) => {
      const own = await kubectl(token, "auth", "can-i", "--list", "-n", "payments-dev");
      expect(own.stderr).toBe("");
      expect(own.stdout).toMatch(/^pods\s+\[\]\s+\[\]\s+\[.*create.*\]$/m);
      expect(own.stdout).toMatch(/^selfsubjectrulesreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/m);
      const other = await kubectl(token, "auth", "can-i", "--list", "-n", "search-dev");
      expect(other.stdout).not.toMatch(/^pods\s/m);
      expect(teamGroups.payments.members).toBe(users.paymentsMember.groups[0]);
    });
  });

  it("says the list may be incomplete on an Azure RBAC cluster, where guard cannot list rules", async () => {
    const token = await server().token(users.reader);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      const listed = await kubectl(token, "auth", "can-i", "--list", "-n", "payments-dev");
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/^selfsubjectaccessreviews\.authorization\.k8s\.io\s/m);
      expect(listed.stderr).toContain("Warning: the list may be incomplete");
    });
  });
});
