import { isJsonObject, stringAt, type Json, type JsonObject } from "../json";
import type { AccessAttributes, Requester } from "./attributes";

/**
 * The RBAC authorizer (k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac): a request is allowed
 * when a ClusterRoleBinding, or a RoleBinding in the request's namespace, binds a subject the
 * requester is to a role with a rule that covers it.
 */
export type RbacObjects = {
  clusterRoles: JsonObject[];
  clusterRoleBindings: JsonObject[];
  /** Roles and RoleBindings of the request's namespace only. */
  roles: JsonObject[];
  roleBindings: JsonObject[];
};

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function has(list: string[], value: string): boolean {
  return list.includes("*") || list.includes(value);
}

// rbac/v1 helpers ResourceMatches: "*", "resource", "resource/sub" and "*" + "/sub".
function resourceMatches(resources: string[], resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return resources.some((item) => item === "*" || item === combined || (subresource !== "" && item === `*/${subresource}`));
}

function nonResourceMatches(urls: string[], path: string): boolean {
  return urls.some((url) => url === "*" || url === path || (url.endsWith("*") && path.startsWith(url.slice(0, -1))));
}

export function ruleAllows(rule: JsonObject, attributes: AccessAttributes): boolean {
  if (!has(strings(rule.verbs), attributes.verb)) return false;
  if (!attributes.resourceRequest) return nonResourceMatches(strings(rule.nonResourceURLs), attributes.path);
  if (!has(strings(rule.apiGroups), attributes.apiGroup)) return false;
  if (!resourceMatches(strings(rule.resources), attributes.resource, attributes.subresource)) return false;
  const names = strings(rule.resourceNames);
  return names.length === 0 || names.includes(attributes.name);
}

function subjectMatches(subject: Json, requester: Requester, bindingNamespace: string): boolean {
  if (!isJsonObject(subject)) return false;
  const name = stringAt(subject, "name");
  switch (stringAt(subject, "kind")) {
    case "User":
      return name === requester.name;
    case "Group":
      return name !== undefined && requester.groups.includes(name);
    case "ServiceAccount":
      // Entra callers are never service accounts; the name format is kept for completeness.
      return requester.name === `system:serviceaccount:${stringAt(subject, "namespace") ?? bindingNamespace}:${name ?? ""}`;
    default:
      return false;
  }
}

function rulesOf(role: JsonObject | undefined): JsonObject[] {
  return Array.isArray(role?.rules) ? role.rules.filter(isJsonObject) : [];
}

function byName(objects: JsonObject[], name: string | undefined): JsonObject | undefined {
  return objects.find((object) => isJsonObject(object.metadata) && object.metadata.name === name);
}

/** The rules a binding grants the requester: none unless the requester is one of its subjects. */
function grantedRules(binding: JsonObject, roles: JsonObject[], clusterRoles: JsonObject[], requester: Requester): JsonObject[] {
  const namespace = isJsonObject(binding.metadata) ? (stringAt(binding.metadata, "namespace") ?? "") : "";
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
  if (!subjects.some((subject) => subjectMatches(subject, requester, namespace))) return [];
  const roleRef = isJsonObject(binding.roleRef) ? binding.roleRef : {};
  return rulesOf(stringAt(roleRef, "kind") === "Role" ? byName(roles, stringAt(roleRef, "name")) : byName(clusterRoles, stringAt(roleRef, "name")));
}

function bindingGrants(binding: JsonObject, roles: JsonObject[], clusterRoles: JsonObject[], requester: Requester, attributes: AccessAttributes): boolean {
  return grantedRules(binding, roles, clusterRoles, requester).some((rule) => ruleAllows(rule, attributes));
}

/** The rules of every binding the requester is a subject of: what a SelfSubjectRulesReview lists. */
export function rbacRulesFor(objects: RbacObjects, requester: Requester): JsonObject[] {
  return [
    ...objects.clusterRoleBindings.flatMap((binding) => grantedRules(binding, [], objects.clusterRoles, requester)),
    ...objects.roleBindings.flatMap((binding) => grantedRules(binding, objects.roles, objects.clusterRoles, requester)),
  ];
}

export function rbacAllows(objects: RbacObjects, requester: Requester, attributes: AccessAttributes): boolean {
  if (objects.clusterRoleBindings.some((binding) => bindingGrants(binding, [], objects.clusterRoles, requester, attributes))) return true;
  if (!attributes.namespace) return false;
  return objects.roleBindings.some((binding) => bindingGrants(binding, objects.roles, objects.clusterRoles, requester, attributes));
}
