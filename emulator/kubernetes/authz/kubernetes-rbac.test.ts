import { describe, expect, it } from "vitest";
import type { JsonObject } from "../json";
import { builtInClusterRoles } from "../seed/built-in-cluster-roles";
import type { AccessAttributes, Requester } from "./attributes";
import { rbacAllows, ruleAllows } from "./kubernetes-rbac";

const attributes = (overrides: Partial<AccessAttributes>): AccessAttributes => ({
  verb: "get", resourceRequest: true, apiGroup: "", resource: "pods", subresource: "", namespace: "x", name: "", path: "", ...overrides,
});

describe("RBAC rules", () => {
  it("matches verbs, groups, resources, subresources and names with wildcards", () => {
    const rule: JsonObject = { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list"] };
    expect(ruleAllows(rule, attributes({}))).toBe(true);
    expect(ruleAllows(rule, attributes({ verb: "delete" }))).toBe(false);
    expect(ruleAllows(rule, attributes({ apiGroup: "apps" }))).toBe(false);
    expect(ruleAllows(rule, attributes({ subresource: "log" }))).toBe(true);
    expect(ruleAllows(rule, attributes({ subresource: "exec" }))).toBe(false);
    expect(ruleAllows({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, attributes({ verb: "escalate", apiGroup: "rbac.authorization.k8s.io" }))).toBe(true);
    expect(ruleAllows({ apiGroups: [""], resources: ["*/status"], verbs: ["get"] }, attributes({ subresource: "status" }))).toBe(true);
    const named: JsonObject = { apiGroups: [""], resources: ["configmaps"], resourceNames: ["settings"], verbs: ["get"] };
    expect(ruleAllows(named, attributes({ resource: "configmaps", name: "settings" }))).toBe(true);
    expect(ruleAllows(named, attributes({ resource: "configmaps", name: "other" }))).toBe(false);
    expect(ruleAllows(named, attributes({ resource: "configmaps", verb: "list" }))).toBe(false);
    expect(ruleAllows({ nonResourceURLs: ["/apis/*"], verbs: ["get"] }, { ...attributes({}), resourceRequest: false, path: "/apis/policy" })).toBe(true);
  });
});

describe("bindings", () => {
  const requester: Requester = { name: "pat@example.com", groups: ["team", "system:authenticated"], principalIds: [] };
  const binding = (kind: "RoleBinding" | "ClusterRoleBinding", role: string, subject: JsonObject, namespace = "x"): JsonObject => ({
    kind,
    metadata: { name: "b", ...(kind === "RoleBinding" ? { namespace } : {}) },
    roleRef: { kind: "ClusterRole", name: role },
    subjects: [subject],
  });
  const objects = (roleBindings: JsonObject[], clusterRoleBindings: JsonObject[] = []) => ({ clusterRoles: builtInClusterRoles(), clusterRoleBindings, roles: [], roleBindings });

  it("a group RoleBinding to edit grants edit's verbs in its namespace only", () => {
    const rbac = objects([binding("RoleBinding", "edit", { kind: "Group", name: "team" })]);
    expect(rbacAllows(rbac, requester, attributes({ verb: "create", resource: "configmaps" }))).toBe(true);
    expect(rbacAllows(rbac, requester, attributes({ verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "rolebindings" }))).toBe(false);
    expect(rbacAllows(rbac, requester, attributes({ verb: "create", resource: "resourcequotas" }))).toBe(false);
    expect(rbacAllows(rbac, requester, attributes({ namespace: "" , resource: "nodes", verb: "list" }))).toBe(false);
  });
  it("User subjects match the user name, Group subjects the groups", () => {
    expect(rbacAllows(objects([binding("RoleBinding", "view", { kind: "User", name: "pat@example.com" })]), requester, attributes({}))).toBe(true);
    expect(rbacAllows(objects([binding("RoleBinding", "view", { kind: "User", name: "other@example.com" })]), requester, attributes({}))).toBe(false);
    expect(rbacAllows(objects([binding("RoleBinding", "view", { kind: "Group", name: "other" })]), requester, attributes({}))).toBe(false);
  });
  it("ClusterRoleBindings apply everywhere", () => {
    const rbac = objects([], [binding("ClusterRoleBinding", "view", { kind: "Group", name: "team" })]);
    expect(rbacAllows(rbac, requester, attributes({ namespace: "anything" }))).toBe(true);
    expect(rbacAllows(rbac, requester, attributes({ verb: "delete" }))).toBe(false);
  });
});
