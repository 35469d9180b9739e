import { describe, expect, it } from "vitest";
import { teamGroups } from "./seed/tenant-plan";
import { standaloneServerForSuite } from "./testing/standalone-suite";
import { clusters, users } from "./testing/world";
import { withKubectl } from "./testing/kubectl";

const server = standaloneServerForSuite();

const guardReason = "User does not have access to the resource in Azure. Update role assignment to allow access.";
const reader = users.reader.userPrincipalName ?? "";

describe("kubectl --as on an Azure RBAC cluster", () => {
  it("answers as the impersonated user, whose Azure assignments guard finds by uid", async () => {
    const admin = await server().token(users.clusterAdmin);
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      expect((await kubectl(admin, "get", "pods", "-n", "search-dev", "-o", "name")).code).toBe(0);
      const as = [`--as=${reader}`, `--as-uid=${users.reader.objectId}`];
      expect((await kubectl(admin, "auth", "can-i", "list", "pods", "-n", "payments-dev", ...as)).stdout.trim()).toBe("yes");
      expect((await kubectl(admin, "auth", "can-i", "list", "pods", "-n", "search-dev", ...as)).stdout.trim()).toBe(`no - ${guardReason}`);
      const denied = await kubectl(admin, "get", "pods", "-n", "search-dev", ...as);
      expect(denied.stderr).toContain(`pods is forbidden: User "${reader}" cannot list resource "pods" in API group "" in the namespace "search-dev"`);
    });
  });

  it("lets an RBAC Admin impersonate (users/impersonate/action) and refuses a Reader", async () => {
    await withKubectl(server().serverUrl(clusters.sharedDev), server().caPem, async (kubectl) => {
      const rbacAdmin = await server().token(users.rbacAdmin);
      const nobody = users.nobody.userPrincipalName ?? "";
      const asNobody = await kubectl(rbacAdmin, "get", "configmaps", "-n", "payments-dev", `--as=${nobody}`, "--as-group=some-group");
      expect(asNobody.stderr).toContain(`configmaps is forbidden: User "${nobody}" cannot list resource "configmaps"`);
      const refused = await kubectl(await server().token(users.reader), "get", "pods", "-n", "payments-dev", `--as=${nobody}`);
      expect(refused.stderr).toContain(
        `Error from server (Forbidden): users "${nobody}" is forbidden: User "${reader}" cannot impersonate resource "users" in API group "" at the cluster scope: ${guardReason}`,
      );
    });
  });
});

describe("kubectl --as on a Kubernetes RBAC cluster", () => {
  it("applies the impersonated groups' RoleBindings and refuses callers without the impersonate verb", async () => {
    await withKubectl(server().serverUrl(clusters.platform), server().caPem, async (kubectl) => {
      const admin = await server().token(users.clusterAdmin);
      const as = ["--as=pat.payments@clusterdesk-demo.onmicrosoft.com", `--as-group=${teamGroups.payments.members}`];
      expect((await kubectl(admin, "get", "pods", "-n", "payments-dev", "-o", "name", ...as)).stdout).toContain("pod/payments-api-");
      expect((await kubectl(admin, "get", "pods", "-n", "search-dev", ...as)).stderr).toContain(
        'pods is forbidden: User "pat.payments@clusterdesk-demo.onmicrosoft.com" cannot list resource "pods" in API group "" in the namespace "search-dev"',
      );
      const groupOnly = await kubectl(admin, "get", "pods", "-n", "payments-dev", `--as-group=${teamGroups.payments.members}`);
      expect(groupOnly.code).not.toBe(0);
      const refused = await kubectl(await server().token(users.paymentsMember), "get", "pods", "-n", "payments-dev", "--as=someone", `--as-group=${teamGroups.payments.owners}`);
      expect(refused.stderr).toContain('users "someone" is forbidden: User "pat.payments@clusterdesk-demo.onmicrosoft.com" cannot impersonate resource "users" in API group "" at the cluster scope');
    });
  });
});
