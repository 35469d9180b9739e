import { z } from "zod";
import { templateNamePattern, templateSnapshot } from "@/lib/tenants/template-content";

/**
 * What each kind of change request carries. The payload is validated again on the server from the
 * stored JSON before execution, so a request written by an older version cannot run half-understood.
 */
export const authorizedIpRangeChangePayload = z
  .object({
    add: z
      .array(
        z.object({
          range: z.string().min(1),
          /**
           * How long the range stays once it is on the cluster; null keeps it until someone removes it.
           * A duration, not a time: the expiry is computed when the range is applied, so a range
           * approved late still gets the time asked for.
           */
          lifetimeSeconds: z.number().int().positive().nullable(),
          owner: z.string().max(200).nullable(),
        }),
      )
      .max(200),
    remove: z.array(z.string().min(1)).max(200),
  })
  .refine((payload) => payload.add.length + payload.remove.length > 0, { message: "The request changes nothing." });

export type AuthorizedIpRangeChangePayload = z.infer<typeof authorizedIpRangeChangePayload>;

const accessPrincipal = z.object({
  objectId: z.uuid(),
  type: z.enum(["User", "Group"]),
  displayName: z.string().max(256),
  /** Kubernetes RBAC names Entra users by UPN; groups by object id. Resolved through Graph when asked. */
  userPrincipalName: z.string().max(256).nullable(),
});

/**
 * Grant or revoke one AKS data-plane role for one user or group. `namespace` null = cluster scope.
 * A revocation names the grant record it ends; the rest is copied for the approver and the audit log.
 */
export const namespaceAccessPayload = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("grant"),
    role: z.enum(["reader", "writer", "admin", "cluster-admin"]),
    namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/).nullable(),
    principal: accessPrincipal,
    /** As for IP ranges: counted from application, null = until revoked. */
    lifetimeSeconds: z.number().int().positive().nullable(),
    /** "Until a date": the fixed end (ISO 8601, UTC) the requester named; then `lifetimeSeconds` is null. */
    expiresAt: z.iso.datetime().optional(),
  }),
  z.object({
    action: z.literal("revoke"),
    grantId: z.uuid(),
    role: z.enum(["reader", "writer", "admin", "cluster-admin"]),
    namespace: z.string().nullable(),
    principal: accessPrincipal,
  }),
]);

export type NamespaceAccessPayload = z.infer<typeof namespaceAccessPayload>;

/**
 * More time for one time-bound grant. The new end is `fromExpiresAt` (the end when asked) plus
 * `extendBySeconds`, fixed at request time, so applying it twice moves the end once. A kind of its
 * own, not a third `action`: the grant executor knows grant and revoke only.
 */
export const namespaceAccessExtensionPayload = z.object({
  grantId: z.uuid(),
  role: z.enum(["reader", "writer", "admin", "cluster-admin"]),
  namespace: z.string().nullable(),
  principal: accessPrincipal,
  fromExpiresAt: z.iso.datetime(),
  extendBySeconds: z.number().int().positive(),
});

export type NamespaceAccessExtensionPayload = z.infer<typeof namespaceAccessExtensionPayload>;

/**
 * Onboard (or re-apply) one tenant environment from a template: the namespace `<slug>-<environment>`
 * on the request's cluster with its quota, limits, network policies and role bindings. The tenant's
 * groups are read when the plan is computed and applied, so a re-apply follows group changes.
 */
export const tenantEnvironmentPayload = z.object({
  tenantSlug: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(40),
  environment: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(20),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63),
  template: z.string().regex(templateNamePattern).max(30),
  /** The template as it was when asked for; requests recorded before templates were admin-managed have none (the built-in one of that name applies). */
  templateSnapshot: templateSnapshot.optional(),
});

export type TenantEnvironmentPayload = z.infer<typeof tenantEnvironmentPayload>;

/** A new tenant asked for by a team lead; applied (the record created) when an admin approves. */
export const tenantCreatePayload = z.object({
  slug: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(40),
  displayName: z.string().min(1).max(100),
  ownerGroupId: z.uuid(),
  memberGroupIds: z.array(z.uuid()).max(20),
  contacts: z.array(z.string().max(320)).max(10),
  costCentre: z.string().max(40).nullable(),
});

export type TenantCreatePayload = z.infer<typeof tenantCreatePayload>;

/**
 * Offboard one tenant: everything the plan listed when it was asked for (the approver decides on
 * exactly that list), under one delete policy. `delete` removes the namespaces with their contents;
 * `keep` leaves them and their workloads, removing Clusterdesk's RoleBindings for the tenant's groups
 * and Clusterdesk's labels and annotations. Grants are revoked either way; the tenant is archived last.
 */
export const tenantOffboardingPayload = z.object({
  tenantSlug: z.string().max(40),
  deletePolicy: z.enum(["delete", "keep"]),
  plan: z.object({
    environments: z.array(
      z.object({
        clusterResourceId: z.string(),
        clusterName: z.string(),
        namespace: z.string(),
        exists: z.boolean(),
        contents: z.array(z.object({ kind: z.string(), count: z.number().int(), names: z.array(z.string()) })),
        /** Clusterdesk's RoleBindings in the namespace (its tenant groups' and its grants'). */
        roleBindings: z.array(z.string()),
        labels: z.array(z.string()),
        annotations: z.array(z.string()),
        /** What Azure holds for the environment, read when planned (absent in requests recorded before it was read). */
        arm: z
          .object({
            managedNamespace: z.object({ deletePolicy: z.string() }).nullable(),
            roleAssignments: z.array(z.object({ id: z.string(), role: z.string(), principalId: z.string() })),
            identity: z.object({ subscriptionId: z.string(), resourceGroup: z.string(), name: z.string(), federatedCredentials: z.array(z.string()) }).nullable(),
          })
          .optional(),
      }),
    ),
    grants: z.array(z.object({ id: z.uuid(), role: z.string(), principalName: z.string(), namespace: z.string().nullable(), clusterResourceId: z.string(), mechanism: z.string(), externalId: z.string() })),
  }),
});

export type TenantOffboardingPayload = z.infer<typeof tenantOffboardingPayload>;

/**
 * One entry of the access cache found on a cluster (not granted through Clusterdesk), as it was
 * when the request was made: what the adoption records or the revocation deletes, and what the
 * approver and the audit log read.
 */
const foundAccessEntry = z.object({
  entryId: z.uuid(),
  mechanism: z.enum(["azure-rbac", "kubernetes-rbac"]),
  scopeKind: z.enum(["cluster", "namespace"]),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/).nullable(),
  role: z.enum(["reader", "writer", "admin", "cluster-admin", "custom"]),
  roleName: z.string().max(300),
  principal: z.object({ objectId: z.string().min(1).max(256), type: z.string().max(40), displayName: z.string().max(256).nullable(), userPrincipalName: z.string().max(256).nullable() }),
  /** The role assignment's resource id, `<namespace>/<RoleBinding>` or `<ClusterRoleBinding>`. */
  externalId: z.string().min(1).max(1000),
});

/** Clusterdesk takes over access found on the cluster as a grant it manages; nothing changes on the cluster. */
export const namespaceAccessAdoptionPayload = z.object({ entry: foundAccessEntry });
export type NamespaceAccessAdoptionPayload = z.infer<typeof namespaceAccessAdoptionPayload>;

/** Deletes access found on the cluster: the role assignment, or the RoleBinding / ClusterRoleBinding. */
export const foundAccessRevocationPayload = z.object({ entry: foundAccessEntry });
export type FoundAccessRevocationPayload = z.infer<typeof foundAccessRevocationPayload>;

export const requestKinds = {
  "authorized-ip-ranges": { label: "API server IP ranges", payload: authorizedIpRangeChangePayload },
  "namespace-access": { label: "Namespace access", payload: namespaceAccessPayload },
  "namespace-access-extension": { label: "Namespace access extension", payload: namespaceAccessExtensionPayload },
  "tenant-environment": { label: "Tenant environment", payload: tenantEnvironmentPayload },
  "tenant-create": { label: "New tenant", payload: tenantCreatePayload },
  "tenant-offboarding": { label: "Tenant offboarding", payload: tenantOffboardingPayload },
  "namespace-access-adoption": { label: "Namespace access adoption", payload: namespaceAccessAdoptionPayload },
  "found-access-revocation": { label: "Found access revocation", payload: foundAccessRevocationPayload },
} as const;

export type RequestKind = keyof typeof requestKinds;

export function isRequestKind(kind: string): kind is RequestKind {
  return kind in requestKinds;
}
