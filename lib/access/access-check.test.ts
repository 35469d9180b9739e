import { describe, expect, it } from "vitest";
import { azureActionMatches, dataActionOf, roleAllows, rulesAllow, subjectMatches } from "./access-check";

const p = "Microsoft.ContainerService/managedClusters";

describe("the access check's data actions", () => {
  it("names the action guard checks, with the API group for non-core resources", () => {
    expect(dataActionOf("create", "configmaps")).toBe(`${p}/configmaps/write`);
    expect(dataActionOf("list", "deployments")).toBe(`${p}/apps/deployments/read`);
    expect(dataActionOf("update", "rolebindings")).toBe(`${p}/rbac.authorization.k8s.io/rolebindings/write`);
    expect(dataActionOf("delete", "secrets")).toBe(`${p}/secrets/delete`);
  });

  it("matches wildcards without case and lets notDataActions take permissions away", () => {
    expect(azureActionMatches(`${p}/*`, `${p}/apps/deployments/write`)).toBe(true);
    expect(azureActionMatches(`${p}/apps/deployments/read`, `${p}/apps/deployments/write`)).toBe(false);
    expect(azureActionMatches(`microsoft.containerservice/managedclusters/configmaps/*`, `${p}/configmaps/write`)).toBe(true);
    const writer = { dataActions: [`${p}/*`], notDataActions: [`${p}/rbac.authorization.k8s.io/*`] };
    expect(roleAllows(writer, dataActionOf("create", "configmaps"))).toBe(true);
    expect(roleAllows(writer, dataActionOf("create", "rolebindings"))).toBe(false);
  });
});

describe("Kubernetes RBAC matching", () => {
  it("needs verb, group and resource to match, each possibly `*`", () => {
    const edit = [{ verbs: ["create", "delete", "get", "list", "update"], apiGroups: [""], resources: ["configmaps", "pods"] }];
    expect(rulesAllow(edit, "create", "configmaps")).toBe(true);
    expect(rulesAllow(edit, "create", "deployments")).toBe(false);
    expect(rulesAllow(edit, "create", "secrets")).toBe(false);
    expect(rulesAllow([{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], "delete", "rolebindings")).toBe(true);
  });

  it("matches User subjects by user name and Group subjects by group object id, ignoring case", () => {
    const person = { userName: "Max.Mueller@example.com", groupIds: ["A0000000-0000-4000-8000-0000000000B2"] };
    expect(subjectMatches({ kind: "User", name: "max.mueller@example.com" }, person)).toBe(true);
    expect(subjectMatches({ kind: "Group", name: "a0000000-0000-4000-8000-0000000000b2" }, person)).toBe(true);
    expect(subjectMatches({ kind: "Group", name: "a0000000-0000-4000-8000-0000000000c2" }, person)).toBe(false);
    expect(subjectMatches({ kind: "ServiceAccount", name: "max.mueller@example.com" }, person)).toBe(false);
    expect(subjectMatches({ kind: "User", name: "anyone" }, { userName: null, groupIds: [] })).toBe(false);
  });
});

describe("the access check's form", async () => {
  const { accessCheckForm } = await import("./access-check-form");
  const valid = { person: " max.mueller@example.com ", namespace: "payments-dev", verb: "create", resource: "configmaps" };

  it("accepts an object id or a UPN and trims it", () => {
    expect(accessCheckForm.parse(valid).person).toBe("max.mueller@example.com");
    expect(accessCheckForm.safeParse({ ...valid, person: "10000000-0000-4000-8000-000000000005" }).success).toBe(true);
  });

  it("names each malformed field", () => {
    const parsed = accessCheckForm.safeParse({ person: "a/../b", namespace: "Payments_Dev", verb: "escalate", resource: "nodes" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["namespace", "person", "resource", "verb"]);
  });
});
