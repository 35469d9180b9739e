/**
 * Who may do what in Clusterdesk. Pure: every page and server action looks the resource up on the
 * server, builds one of the `Resource` values below from it, and asks `decide()`. Keeping the whole
 * matrix in one function makes it reviewable and lets the tests enumerate every role × action.
 *
 * Portal roles come from Entra group membership (admins, auditors); team-lead rights come from
 * owning a tenant (membership in the tenant's owner group). A user can be both.
 */

import type { AccessRole } from "@/lib/access/roles";
import type { RequestStatus } from "@/lib/requests/state-machine";

export type PortalRole = "admin" | "auditor";

export type Principal = {
  objectId: string;
  roles: readonly PortalRole[];
  /** Tenants whose owner group the user belongs to. */
  ownedTenantIds: readonly string[];
};

/** `production` comes from the cluster's tags (lib/clusters/production.ts); unknown counts as production. */
export type ClusterResource = { kind: "cluster"; hostedTenantIds: readonly string[]; production: boolean };

export type Resource =
  | { kind: "portal" }
  | ClusterResource
  /** One authorized IP range; `ownerTenantId` is the tenant whose request added it (null: found on the cluster or adopted). */
  | { kind: "ip-range"; cluster: ClusterResource; ownerTenantId: string | null }
  | { kind: "tenant"; tenantId: string }
  | NamespaceAccessResource
  /** A tenant's environment (namespace) on a cluster, asked for or applied. */
  | { kind: "tenant-environment"; tenantId: string; cluster: ClusterResource }
  | { kind: "request"; requesterId: string; tenantId: string | null; status: RequestStatus }
  | { kind: "audit" }
  | ClusterNamespaceResource
  | FoundAccessResource;

/**
 * One grant of an AKS data-plane role (asked for, or existing and to be revoked). `namespaceTenantId`
 * is the tenant whose environment the namespace is (null: cluster scope, or a namespace of no tenant);
 * `principalInTenantGroups` says whether the user or group is, per Graph, a member of one of that
 * tenant's groups. The server looks all of it up; nothing comes from the form.
 */
export type NamespaceAccessResource = {
  kind: "namespace-access";
  cluster: ClusterResource;
  scope: "cluster" | "namespace";
  namespaceTenantId: string | null;
  role: AccessRole;
  principalInTenantGroups: boolean;
};

/**
 * One namespace of a cluster, for questions about who may do what in it (the access check).
 * `tenantId` is the tenant whose environment the namespace is (null: no tenant's), looked up on the
 * server from `tenant_environment`.
 */
export type ClusterNamespaceResource = { kind: "cluster-namespace"; cluster: ClusterResource; namespace: string; tenantId: string | null };

/**
 * Access found on a cluster that Clusterdesk did not grant (drift), as the inventory cached it:
 * `scope` as the entry lies (inherited = from the subscription or resource group), and the tenant
 * whose environment its namespace is (null: cluster scope, or a namespace of no tenant).
 */
export type FoundAccessResource = { kind: "found-access"; cluster: ClusterResource; scope: "inherited" | "cluster" | "namespace"; namespaceTenantId: string | null };

/** Every action, grouped by the kind of resource it applies to. */
export const actionsByResource = {
  portal: ["portal.view", "fleet.view", "fleet.sync", "admin.view", "access.search-directory", "access.view-person", "tenant.create", "tenant.request-create", "template.manage"],
  cluster: ["cluster.view", "cluster.sync", "cluster.change", "cluster.request-change", "cluster.annotate", "cluster.access.view"],
  "ip-range": ["ip-range.request-removal"],
  tenant: ["tenant.view", "tenant.manage", "tenant.request-access", "tenant.request-offboarding"],
  "namespace-access": ["access.request-grant", "access.grant-directly", "access.revoke", "access.request-revoke", "access.request-extend"],
  "tenant-environment": ["environment.request", "environment.apply-directly"],
  request: ["request.view", "request.approve", "request.reject", "request.cancel", "request.retry"],
  audit: ["audit.view", "audit.export", "audit.verify", "audit.read-archives"],
  "cluster-namespace": ["access.check"],
  "found-access": ["access.adopt", "access.revoke-found", "access.request-revoke-found"],
} as const;

export type ResourceKind = keyof typeof actionsByResource;
export type Action = (typeof actionsByResource)[ResourceKind][number];
type ActionOn<K extends ResourceKind> = (typeof actionsByResource)[K][number];

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const isAdmin = (principal: Principal) => principal.roles.includes("admin");
const isAuditor = (principal: Principal) => principal.roles.includes("auditor");
const owns = (principal: Principal, tenantId: string | null) => tenantId !== null && principal.ownedTenantIds.includes(tenantId);
const ownsAnyOf = (principal: Principal, tenantIds: readonly string[]) => tenantIds.some((id) => principal.ownedTenantIds.includes(id));

function decidePortal(principal: Principal, action: ActionOn<"portal">): Decision {
  switch (action) {
    case "portal.view":
      return allow;
    case "fleet.view":
      return isAdmin(principal) || isAuditor(principal) ? allow : deny("Only platform admins and auditors see the whole fleet.");
    case "fleet.sync":
      // Refreshing the inventory fans out over every subscription and cluster: an admin's call.
      return isAdmin(principal) ? allow : deny("Only platform admins can refresh the cluster inventory.");
    case "admin.view":
      return isAdmin(principal) ? allow : deny("Only platform admins can open this page.");
    case "access.search-directory":
    case "access.view-person":
      // An answer says who exists in the directory: only for people who grant or review access. A
      // lead's results are further limited to their tenants' groups by the caller.
      return isAdmin(principal) || isAuditor(principal) || principal.ownedTenantIds.length > 0
        ? allow
        : deny("Only platform admins, auditors and team leads can look people up in the directory.");
    case "tenant.create":
      return isAdmin(principal) ? allow : deny("Only platform admins can create a tenant directly; team leads ask for one.");
    case "tenant.request-create":
      // A lead is someone who already owns a tenant; anyone else goes through a platform admin.
      return isAdmin(principal) || principal.ownedTenantIds.length > 0 ? allow : deny("Only platform admins and team leads can ask for a new tenant.");
    case "template.manage":
      // A template is what every tenant's namespace gets: quota, isolation, Pod Security. Platform admins only.
      return isAdmin(principal) ? allow : deny("Only platform admins can manage environment templates.");
  }
}

function decideCluster(principal: Principal, action: ActionOn<"cluster">, cluster: ClusterResource): Decision {
  const readsAll = isAdmin(principal) || isAuditor(principal);
  const hostsOwnTenant = ownsAnyOf(principal, cluster.hostedTenantIds);
  switch (action) {
    case "cluster.view":
    case "cluster.access.view":
      return readsAll || hostsOwnTenant ? allow : deny("This cluster does not host any of your tenants.");
    case "cluster.sync":
    case "cluster.annotate":
      return isAdmin(principal) ? allow : deny("Only platform admins can change clusters.");
    case "cluster.change":
      if (!isAdmin(principal)) return deny("Only platform admins can change clusters.");
      // Four eyes on production: one admin's mistake there locks people out of a live service.
      return cluster.production
        ? deny("This is a production cluster: every change, also a platform admin's, needs a second platform admin's approval. Submit it as a request.")
        : allow;
    case "cluster.request-change":
      return isAdmin(principal) || hostsOwnTenant ? allow : deny("You can ask for changes only on clusters that host one of your tenants.");
  }
}

function decideIpRange(principal: Principal, action: ActionOn<"ip-range">, range: Extract<Resource, { kind: "ip-range" }>): Decision {
  switch (action) {
    case "ip-range.request-removal":
      if (isAdmin(principal)) return allow;
      if (!ownsAnyOf(principal, range.cluster.hostedTenantIds)) return deny("You can ask for changes only on clusters that host one of your tenants.");
      // On a shared cluster a range may be another team's lifeline: only its owners (or an admin) may ask to remove it.
      if (range.ownerTenantId === null) return deny("This range was not added by a request of your team (it was found on the cluster or adopted); only a platform admin can remove it.");
      return owns(principal, range.ownerTenantId) ? allow : deny("This range belongs to another team; only its owners or a platform admin can ask to remove it.");
  }
}

function decideTenant(principal: Principal, action: ActionOn<"tenant">, tenant: Extract<Resource, { kind: "tenant" }>): Decision {
  switch (action) {
    case "tenant.view":
      return isAdmin(principal) || isAuditor(principal) || owns(principal, tenant.tenantId) ? allow : deny("You do not own this tenant.");
    case "tenant.manage":
      return isAdmin(principal) ? allow : deny("Only platform admins can onboard, change or offboard tenants.");
    case "tenant.request-access":
      return isAdmin(principal) || owns(principal, tenant.tenantId) ? allow : deny("Only the tenant's owners can ask for access to it.");
    case "tenant.request-offboarding":
      // Asked by its owners or an admin; approved by an admin who did not ask (request.approve).
      return isAdmin(principal) || owns(principal, tenant.tenantId) ? allow : deny("Only the tenant's owners or a platform admin can ask to offboard it.");
  }
}

function decideNamespaceAccess(principal: Principal, action: ActionOn<"namespace-access">, grant: NamespaceAccessResource): Decision {
  switch (action) {
    case "access.request-grant":
      if (isAdmin(principal)) return allow;
      // Cluster-wide rights cross every tenant's boundary on a shared cluster: platform admins only.
      if (grant.scope === "cluster") return deny("Only platform admins can grant access to a whole cluster.");
      if (grant.role === "cluster-admin") return deny("Only platform admins can grant Cluster Admin.");
      if (!owns(principal, grant.namespaceTenantId)) return deny("You can ask for access only to your own tenants' namespaces.");
      return grant.principalInTenantGroups ? allow : deny("You can ask for access only for members of your tenant's groups.");
    case "access.grant-directly":
      if (!isAdmin(principal)) return deny("Only platform admins can grant access without approval.");
      return grant.cluster.production
        ? deny("This is a production cluster: every change, also a platform admin's, needs a second platform admin's approval. Submit it as a request.")
        : allow;
    case "access.revoke":
      // Revoking only narrows access, and a lead must be able to cut off a leaver at once, so it needs
      // no approval; an admin's revocation on production still does (four eyes on every change there).
      if (isAdmin(principal)) {
        return grant.cluster.production
          ? deny("This is a production cluster: a platform admin's revocation there needs a second platform admin's approval.")
          : allow;
      }
      if (grant.scope === "namespace" && owns(principal, grant.namespaceTenantId)) return allow;
      return deny("Only the namespace's tenant owners or a platform admin can revoke this access.");
    case "access.request-revoke":
      // What an admin does where a direct revocation is refused (production): ask a second admin.
      return isAdmin(principal) || (grant.scope === "namespace" && owns(principal, grant.namespaceTenantId))
        ? allow
        : deny("Only the namespace's tenant owners or a platform admin can revoke this access.");
    case "access.request-extend":
      // More time is more access: asked like a grant (approved by an admin unless one extends directly
      // off production, which `access.grant-directly` decides), by the namespace's tenant owners.
      if (isAdmin(principal)) return allow;
      if (grant.scope === "cluster") return deny("Only platform admins can extend access to a whole cluster.");
      return owns(principal, grant.namespaceTenantId) ? allow : deny("Only the namespace's tenant owners or a platform admin can extend this access.");
  }
}

function decideTenantEnvironment(principal: Principal, action: ActionOn<"tenant-environment">, environment: Extract<Resource, { kind: "tenant-environment" }>): Decision {
  switch (action) {
    case "environment.request":
      return isAdmin(principal) || owns(principal, environment.tenantId) ? allow : deny("You can ask for environments only for tenants you own.");
    case "environment.apply-directly":
      if (!isAdmin(principal)) return deny("Only platform admins can apply an environment without approval.");
      return environment.cluster.production
        ? deny("This is a production cluster: every change, also a platform admin's, needs a second platform admin's approval. Submit it as a request.")
        : allow;
  }
}

function decideRequest(principal: Principal, action: ActionOn<"request">, request: Extract<Resource, { kind: "request" }>): Decision {
  const ownRequest = request.requesterId === principal.objectId;
  switch (action) {
    case "request.view":
      return isAdmin(principal) || isAuditor(principal) || ownRequest || owns(principal, request.tenantId)
        ? allow
        : deny("This request belongs to another team.");
    case "request.approve":
    case "request.reject":
      if (!isAdmin(principal)) return deny("Only platform admins decide on requests.");
      // Four-eyes principle: applies to admins too (PRODUCT.md: "Nobody can approve their own request").
      if (ownRequest) return deny("Nobody can decide on their own request.");
      return request.status === "pending" ? allow : deny(`The request is ${request.status}, not pending.`);
    case "request.cancel":
      if (!ownRequest && !isAdmin(principal)) return deny("Only the requester or a platform admin can cancel a request.");
      return request.status === "pending" ? allow : deny(`The request is ${request.status}; only pending requests can be cancelled.`);
    case "request.retry":
      if (!isAdmin(principal)) return deny("Only platform admins can retry a failed change.");
      return request.status === "failed" ? allow : deny(`The request is ${request.status}; only failed requests can be retried.`);
  }
}

function decideAudit(principal: Principal, action: ActionOn<"audit">): Decision {
  switch (action) {
    case "audit.view":
    case "audit.export":
      // A team lead reads their own tenants' history; auditReviewScope() narrows the query to it.
      return isAdmin(principal) || isAuditor(principal) || principal.ownedTenantIds.length > 0
        ? allow
        : deny("Only platform admins, auditors and team leads can read the audit log.");
    case "audit.verify":
      return isAdmin(principal) || isAuditor(principal) ? allow : deny("Only platform admins and auditors can verify the audit chain.");
    case "audit.read-archives":
      // An archive file holds every event of its period, whoever's: a lead's scope cannot be applied to it.
      return isAdmin(principal) || isAuditor(principal) ? allow : deny("Only platform admins and auditors can read archived audit events.");
  }
}

function decideClusterNamespace(principal: Principal, action: ActionOn<"cluster-namespace">, namespace: ClusterNamespaceResource): Decision {
  switch (action) {
    case "access.check":
      // The answer tells who can reach what: a lead may ask it only about their own tenants' namespaces.
      return isAdmin(principal) || isAuditor(principal) || owns(principal, namespace.tenantId)
        ? allow
        : deny("You can check access only in your own tenants' namespaces.");
  }
}

function decideFoundAccess(principal: Principal, action: ActionOn<"found-access">, found: FoundAccessResource): Decision {
  const leadsNamespace = found.scope === "namespace" && owns(principal, found.namespaceTenantId);
  switch (action) {
    case "access.adopt":
      // Adopting records a fact (Clusterdesk now manages what is there) and changes nothing on the
      // cluster, like adopting an IP range: admins only, directly, also on production.
      return isAdmin(principal) ? allow : deny("Only platform admins can adopt access found on a cluster.");
    case "access.revoke-found":
      // As for grants: revoking only narrows access; a lead cuts off someone in their own namespace
      // at once, an admin off production (on production a second admin approves).
      if (isAdmin(principal)) {
        return found.cluster.production
          ? deny("This is a production cluster: a platform admin's revocation there needs a second platform admin's approval.")
          : allow;
      }
      return leadsNamespace ? allow : deny("Only the namespace's tenant owners or a platform admin can revoke this access.");
    case "access.request-revoke-found":
      return isAdmin(principal) || leadsNamespace ? allow : deny("Only the namespace's tenant owners or a platform admin can revoke this access.");
  }
}

function isActionOn<K extends ResourceKind>(kind: K, action: Action): action is ActionOn<K> {
  return (actionsByResource[kind] as readonly string[]).includes(action);
}

/** May `principal` perform `action` on `resource`? Actions that do not apply to the resource are denied. */
export function decide(principal: Principal, action: Action, resource: Resource): Decision {
  switch (resource.kind) {
    case "portal":
      return isActionOn("portal", action) ? decidePortal(principal, action) : mismatch(action, resource.kind);
    case "cluster":
      return isActionOn("cluster", action) ? decideCluster(principal, action, resource) : mismatch(action, resource.kind);
    case "ip-range":
      return isActionOn("ip-range", action) ? decideIpRange(principal, action, resource) : mismatch(action, resource.kind);
    case "tenant":
      return isActionOn("tenant", action) ? decideTenant(principal, action, resource) : mismatch(action, resource.kind);
    case "namespace-access":
      return isActionOn("namespace-access", action) ? decideNamespaceAccess(principal, action, resource) : mismatch(action, resource.kind);
    case "tenant-environment":
      return isActionOn("tenant-environment", action) ? decideTenantEnvironment(principal, action, resource) : mismatch(action, resource.kind);
    case "request":
      return isActionOn("request", action) ? decideRequest(principal, action, resource) : mismatch(action, resource.kind);
    case "audit":
      return isActionOn("audit", action) ? decideAudit(principal, action) : mismatch(action, resource.kind);
    case "cluster-namespace":
      return isActionOn("cluster-namespace", action) ? decideClusterNamespace(principal, action, resource) : mismatch(action, resource.kind);
    case "found-access":
      return isActionOn("found-access", action) ? decideFoundAccess(principal, action, resource) : mismatch(action, resource.kind);
  }
}

function mismatch(action: Action, kind: ResourceKind): Decision {
  return deny(`${action} does not apply to a ${kind}.`);
}

export function can(principal: Principal, action: Action, resource: Resource): boolean {
  return decide(principal, action, resource).allowed;
}

/**
 * Which audit events a principal may read, enforced in the query (never by hiding rows in the UI):
 * admins and auditors everything; a team lead the history of the tenants they own (events carrying
 * the tenant, changes on the IP ranges the tenant owns) and what they did themselves; anyone else nothing.
 */
export type AuditReviewScope = { kind: "all" } | { kind: "tenants"; tenantIds: readonly string[]; actorObjectId: string };

export function auditReviewScope(principal: Principal): AuditReviewScope | null {
  if (isAdmin(principal) || isAuditor(principal)) return { kind: "all" };
  if (principal.ownedTenantIds.length === 0) return null;
  return { kind: "tenants", tenantIds: principal.ownedTenantIds, actorObjectId: principal.objectId };
}
