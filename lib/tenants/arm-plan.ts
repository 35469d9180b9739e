import { roleDefinitionId } from "@/lib/access/roles";
import type { ArmIntent } from "./arm-intents";
import { diffFields } from "./field-diff";
import type { PlanStep } from "./plan";
import { managedByLabel, managedByValue, tenantLabel } from "./render-environment";

/** What ARM holds now for one intent (null: absent), as plain data the server's adapters read. */
export type LiveArm =
  | { kind: "ManagedNamespace"; resource: { properties: Record<string, unknown> } | null; namespaceOnCluster: { labels: Record<string, string> } | null }
  | { kind: "UserAssignedIdentity"; resource: { location: string; tags: Record<string, string> } | null }
  | { kind: "FederatedIdentityCredential"; resource: { issuer: string; subject: string; audiences: string[] } | null }
  | { kind: "RoleAssignment"; resource: { roleDefinitionId: string; principalId: string } | null };

/** The fields a plan compares, under `properties` so a diff reads `properties.defaultResourceQuota.cpuRequest`. */
function comparable(intent: ArmIntent): unknown {
  switch (intent.kind) {
    case "ManagedNamespace": {
      // adoptionPolicy matters only when ARM does not manage the namespace yet.
      const { adoptionPolicy: _adoption, ...properties } = intent.properties;
      void _adoption;
      return { properties };
    }
    case "UserAssignedIdentity":
      return { location: intent.location, tags: intent.tags };
    case "FederatedIdentityCredential":
      return { properties: { issuer: intent.issuer, subject: intent.subject, audiences: intent.audiences } };
    case "RoleAssignment":
      return { properties: { roleDefinitionId: roleDefinitionId(intent.subscriptionId, intent.role).toLowerCase(), principalId: intent.principalId.toLowerCase() } };
  }
}

function liveComparable(live: LiveArm): unknown {
  if (!live.resource) return null;
  switch (live.kind) {
    case "ManagedNamespace": {
      const { labels, annotations, defaultResourceQuota, defaultNetworkPolicy, deletePolicy } = live.resource.properties;
      return { properties: { labels: labels ?? {}, annotations: annotations ?? {}, defaultResourceQuota, defaultNetworkPolicy, deletePolicy } };
    }
    case "UserAssignedIdentity":
      return { location: live.resource.location, tags: live.resource.tags };
    case "FederatedIdentityCredential":
      return { properties: { issuer: live.resource.issuer, subject: live.resource.subject, audiences: live.resource.audiences } };
    case "RoleAssignment":
      return { properties: { roleDefinitionId: live.resource.roleDefinitionId.toLowerCase(), principalId: live.resource.principalId.toLowerCase() } };
  }
}

function nameOf(intent: ArmIntent): string {
  return intent.kind === "RoleAssignment" ? `${intent.role} for group ${intent.principalId}` : intent.name;
}

/**
 * One ARM resource's step. A managed namespace whose Kubernetes namespace already exists without ARM
 * managing it is a conflict (Clusterdesk asks with adoption `Never`, and AKS would refuse); one that
 * exists with another tenant's label is a conflict too. Otherwise create when absent, else update or
 * unchanged by comparing the fields Clusterdesk sets.
 */
export function classifyArm(intent: ArmIntent, live: LiveArm, tenantSlug: string): PlanStep {
  const namespace = intent.kind === "ManagedNamespace" ? intent.name : intent.kind === "RoleAssignment" ? intent.scope.split("/").at(-1) ?? null : null;
  const base = { key: intent.key, kind: intent.kind, name: nameOf(intent), namespace, via: "arm" as const };
  if (live.kind === "ManagedNamespace" && !live.resource && live.namespaceOnCluster) {
    const labels = live.namespaceOnCluster.labels;
    const owner = labels[managedByLabel] === managedByValue ? labels[tenantLabel] : undefined;
    const whose = owner ? (owner === tenantSlug ? "was made by Clusterdesk through the Kubernetes API" : `belongs to tenant ${owner}`) : "was not made by Clusterdesk";
    return { ...base, action: "conflict", changes: [], reason: `Namespace ${intent.kind === "ManagedNamespace" ? intent.name : ""} already exists on the cluster and ${whose}; Clusterdesk creates managed namespaces with adoption policy Never, so AKS would refuse to take it over. Remove it, or ask an admin to adopt it.` };
  }
  if (live.kind === "ManagedNamespace" && live.resource) {
    const labels = (live.resource.properties.labels ?? {}) as Record<string, unknown>;
    if (labels[tenantLabel] !== undefined && labels[tenantLabel] !== tenantSlug) {
      return { ...base, action: "conflict", changes: [], reason: `Managed namespace ${intent.key} belongs to tenant ${String(labels[tenantLabel])}.` };
    }
  }
  if (!live.resource) return { ...base, action: "create", changes: [], reason: null };
  const changes = diffFields(liveComparable(live), comparable(intent));
  return { ...base, action: changes.length === 0 ? "unchanged" : "update", changes, reason: null };
}
