import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { namespacesVisibleTo } from "./namespace-visibility";

const namespaces = [{ name: "payments-dev" }, { name: "orion-test" }, { name: "kube-system" }, { name: "unowned" }];
const owners = { "payments-dev": { tenantId: "payments" }, "orion-test": { tenantId: "orion" } };
const viewer = (roles: Principal["roles"], ownedTenantIds: string[] = []): Principal => ({ objectId: "someone", roles, ownedTenantIds });

describe("the namespaces a viewer sees on a shared cluster", () => {
  it("are all of them for admins and auditors", () => {
    expect(namespacesVisibleTo(namespaces, owners, viewer(["admin"]))).toEqual(namespaces);
    expect(namespacesVisibleTo(namespaces, owners, viewer(["auditor"]))).toEqual(namespaces);
  });

  it("are only a team lead's own tenants' namespaces: not another team's, not system or unowned ones", () => {
    expect(namespacesVisibleTo(namespaces, owners, viewer([], ["orion"])).map((namespace) => namespace.name)).toEqual(["orion-test"]);
    expect(namespacesVisibleTo(namespaces, owners, viewer([], ["orion", "payments"])).map((namespace) => namespace.name)).toEqual(["payments-dev", "orion-test"]);
  });

  it("are none for a lead who owns no tenant here", () => {
    expect(namespacesVisibleTo(namespaces, owners, viewer([], ["search"]))).toEqual([]);
  });
});
