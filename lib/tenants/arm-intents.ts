import { roleAssignmentNameFor } from "@/lib/access/grant-names";
import type { AccessRole } from "@/lib/access/roles";
import type { EnvironmentTarget } from "./environment-target";
import type { EnvironmentTemplate } from "./templates";

/**
 * What Clusterdesk asks of Azure Resource Manager for one environment, as plain data (no SDK types).
 * Names are deterministic (derived from cluster, namespace, role and group), so every attempt and
 * every re-apply PUTs the same resources instead of creating new ones.
 */
export type ManagedNamespaceIntent = {
  kind: "ManagedNamespace";
  key: string;
  clusterResourceId: string;
  name: string;
  properties: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
    defaultResourceQuota: { cpuRequest: string; cpuLimit: string; memoryRequest: string; memoryLimit: string };
    defaultNetworkPolicy: { ingress: "DenyAll"; egress: "DenyAll" };
    /** Never: an existing namespace is a conflict Clusterdesk reports, not something it takes over. */
    adoptionPolicy: "Never";
    /** Keep: deleting the ARM resource (offboarding) leaves the namespace unless asked otherwise. */
    deletePolicy: "Keep";
  };
};
export type IdentityIntent = { kind: "UserAssignedIdentity"; key: string; subscriptionId: string; resourceGroup: string; name: string; location: string; tags: Record<string, string> };
export type FederatedCredentialIntent = {
  kind: "FederatedIdentityCredential";
  key: string;
  identity: { subscriptionId: string; resourceGroup: string; name: string };
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
};
export type RoleAssignmentIntent = { kind: "RoleAssignment"; key: string; subscriptionId: string; scope: string; name: string; role: AccessRole; principalId: string; principalType: "Group" };
export type ArmIntent = ManagedNamespaceIntent | IdentityIntent | FederatedCredentialIntent | RoleAssignmentIntent;

/** The audience AKS's workload identity webhook projects tokens for (Entra's token exchange). */
export const workloadIdentityAudience = "api://AzureADTokenExchange";

/** The identity's name: unique per cluster and namespace in the cluster's resource group (at most 128 characters). */
export function identityNameFor(target: Pick<EnvironmentTarget, "clusterName">, namespace: string): string {
  return `clusterdesk-${target.clusterName}-${namespace}`.slice(0, 128);
}

export function managedNamespaceIntent(target: EnvironmentTarget, namespace: string, labels: Record<string, string>, annotations: Record<string, string>, template: EnvironmentTemplate): ManagedNamespaceIntent {
  const { quota } = template;
  return {
    kind: "ManagedNamespace",
    key: `ManagedNamespace ${target.clusterName}/${namespace}`,
    clusterResourceId: target.clusterResourceId,
    name: namespace,
    properties: {
      labels,
      annotations,
      defaultResourceQuota: { cpuRequest: quota["requests.cpu"], cpuLimit: quota["limits.cpu"], memoryRequest: quota["requests.memory"], memoryLimit: quota["limits.memory"] },
      // Deny by default both ways; the environment's own NetworkPolicies add what is allowed (policies are additive).
      defaultNetworkPolicy: { ingress: "DenyAll", egress: "DenyAll" },
      adoptionPolicy: "Never",
      deletePolicy: "Keep",
    },
  };
}

export function workloadIdentityIntents(target: EnvironmentTarget, namespace: string, serviceAccount: string, tags: Record<string, string>): [IdentityIntent, FederatedCredentialIntent] | null {
  if (!target.oidcIssuerUrl) return null;
  const identity = { subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup, name: identityNameFor(target, namespace) };
  return [
    { kind: "UserAssignedIdentity", key: `UserAssignedIdentity ${target.resourceGroup}/${identity.name}`, ...identity, location: target.location, tags },
    {
      kind: "FederatedIdentityCredential",
      key: `FederatedIdentityCredential ${identity.name}/${namespace}-${serviceAccount}`,
      identity,
      name: `${namespace}-${serviceAccount}`,
      issuer: target.oidcIssuerUrl,
      subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
      audiences: [workloadIdentityAudience],
    },
  ];
}

/**
 * Azure RBAC for the tenant's groups at the namespace's scope, as the namespace-access feature grants
 * (owners Admin, members Writer). The name is a version-5 UUID of cluster, namespace, role and group.
 */
export function roleAssignmentIntents(target: EnvironmentTarget, namespace: string, ownerGroupId: string, memberGroupIds: readonly string[]): RoleAssignmentIntent[] {
  const scope = `${target.clusterResourceId}/namespaces/${namespace}`;
  const intent = (role: AccessRole, principalId: string): RoleAssignmentIntent => ({
    kind: "RoleAssignment",
    key: `RoleAssignment ${role} ${namespace} ${principalId.toLowerCase()}`,
    subscriptionId: target.subscriptionId,
    scope,
    name: roleAssignmentNameFor(`tenant-environment:${target.clusterResourceId.toLowerCase()}/${namespace}:${role}:${principalId.toLowerCase()}`),
    role,
    principalId,
    principalType: "Group",
  });
  return [intent("admin", ownerGroupId), ...memberGroupIds.filter((id) => id !== ownerGroupId).map((id) => intent("writer", id))];
}
