import "server-only";
import { roleAssignmentNameFor, roleBindingNameFor } from "@/lib/access/grant-names";
import { accessRoles, roleDefinitionId } from "@/lib/access/roles";
import { armScope, describeScope, scopeOf } from "@/lib/access/scope";
import type { Cluster } from "@/lib/clusters/cluster";
import { clusterKey, parseClusterResourceId } from "@/lib/clusters/resource-id";
import { type NamespaceAccessPayload, namespaceAccessPayload } from "@/lib/requests/kinds";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { deleteRoleAssignment, putRoleAssignment } from "@/lib/server/azure/role-assignments";
import { db } from "@/lib/server/db/client";
import { KubeWriteError, applyRoleBinding, deleteRoleBinding } from "@/lib/server/kube/role-bindings";
import { type ChangeExecutor, type ExecutableRequest, type ExecutionContext, type ExecutionResult, RetryableError } from "@/lib/server/requests/executor";
import { logger } from "@/lib/server/logger";
import { cacheAppliedGrant, forgetCachedAccess } from "./access-cache-writes";
import { portalClusterCredentials } from "./cluster-credentials";
import { enqueueGrantEffectCheck } from "./effect-check-queue";
import { existingAssignmentFor } from "./existing-role-assignment";
import { grantRoleBindingLabels, provisionalExpiry } from "./grant-role-binding-labels";
import { recordGrantRevoked } from "./grant-lifecycle-events";
import { recordGrant } from "./grant-records";

type Grant = Extract<NamespaceAccessPayload, { action: "grant" }>;
type Revocation = Extract<NamespaceAccessPayload, { action: "revoke" }>;

/**
 * Grants or revokes one AKS data-plane role. Azure-RBAC clusters get a role assignment whose name is
 * derived from the request, so a resumed attempt PUTs the same assignment again; Kubernetes-RBAC
 * clusters get a server-side-applied RoleBinding named for role and principal. Revocation deletes
 * what the grant record names, and an object already gone counts as revoked.
 */
export function namespaceAccessExecutor(): ChangeExecutor {
  return {
    async apply(request, context) {
      const payload = namespaceAccessPayload.parse(request.payload);
      const clusterId = request.clusterResourceId;
      if (!clusterId) throw new Error("The request names no cluster.");
      return payload.action === "grant" ? grant(request, clusterId, payload, context) : revoke(request, payload, context);
    },
  };
}

async function grant(request: ExecutableRequest, clusterId: string, payload: Grant, context: ExecutionContext): Promise<ExecutionResult> {
  const cluster = await readCluster(clusterId, request.correlationId);
  const scope = scopeOf(payload.namespace);
  const what = `${accessRoles[payload.role].name} on ${describeScope(scope)} for ${payload.principal.displayName}`;
  await context.reportProgress({ phase: "applying", message: `Granting ${what}` });
  let applied: { mechanism: "azure-rbac" | "kubernetes-rbac"; externalId: string };
  let adoptedExisting = false;
  if (cluster.identity.azureRbac) {
    const subscriptionId = parseClusterResourceId(cluster.id)?.subscriptionId ?? "";
    const assignment = {
      subscriptionId,
      scope: armScope(cluster.id, scope),
      name: roleAssignmentNameFor(request.id),
      roleDefinitionId: roleDefinitionId(subscriptionId, payload.role),
      principalId: payload.principal.objectId,
      principalType: payload.principal.type,
    };
    const put = await armCall(async () => ({ externalId: await putRoleAssignment(assignment, request.correlationId), existing: false }), {
      // ARM's 409 RoleAssignmentExists: another assignment (another name) already gives this principal
      // this role at this scope. The access asked for is in place, so the grant is done, and it takes
      // that assignment over (ended when the grant ends), rather than failing or adding a second one.
      onRoleAssignmentExists: async () => ({ externalId: await existingAssignmentFor(request, assignment, armCall), existing: true }),
    });
    applied = { mechanism: "azure-rbac", externalId: put.externalId };
    adoptedExisting = put.existing;
  } else {
    if (payload.namespace === null) throw new Error("Cluster-wide grants on clusters without Azure RBAC (ClusterRoleBindings) are not built yet.");
    const subject = kubernetesSubject(payload);
    const name = roleBindingNameFor(payload.role, payload.principal.objectId);
    const credentials = await armCall(() => portalClusterCredentials(cluster, request.correlationId));
    await kubeCall(() =>
      applyRoleBinding(credentials, {
        namespace: payload.namespace ?? "",
        name,
        clusterRole: accessRoles[payload.role].clusterRole,
        subject,
        labels: grantRoleBindingLabels(request.number, provisionalExpiry(payload)),
        annotations: { "clusterdesk.io/principal-object-id": payload.principal.objectId },
      }),
    );
    applied = { mechanism: "kubernetes-rbac", externalId: `${payload.namespace}/${name}` };
  }
  const record = await recordGrant(request, clusterKey(clusterId), payload, applied);
  await cacheAppliedGrant({ clusterResourceId: cluster.id, ...applied, namespace: payload.namespace, role: payload.role, principal: payload.principal });
  // Applied is not yet effective: a job asks the cluster until it is (grant-effect-check.ts). If
  // queuing fails, the reconcile pass queues checks for every waiting grant.
  await enqueueGrantEffectCheck(record.id).catch((error: unknown) => logger.warn("could not queue the grant's effect check", { grantId: record.id, correlationId: request.correlationId, error }));
  const until = payload.lifetimeSeconds ? ` for ${Math.round(payload.lifetimeSeconds / 360) / 10} h from when it takes effect` : "";
  const waitingFor = applied.mechanism === "azure-rbac" ? "waiting for Azure to propagate it" : "checking the cluster honours it";
  return {
    before: null,
    after: { grantId: record.id, ...applied, ...(adoptedExisting ? { adoptedExisting } : {}), effect: "waiting", expiresAt: record.expiresAt?.toISOString() ?? null },
    summary: adoptedExisting
      ? `${what} was already given by an existing role assignment made outside this request (${applied.externalId}); Clusterdesk created no second one and now manages that one as this grant${until ? `, removing it when the grant ends` : ""}; ${waitingFor}.`
      : `Granted ${what}${until}; ${waitingFor}.`,
  };
}

async function revoke(request: ExecutableRequest, payload: Revocation, context: ExecutionContext): Promise<ExecutionResult> {
  const record = await db().namespaceAccessGrant.findUnique({ where: { id: payload.grantId } });
  if (!record) throw new Error("The grant to revoke is not recorded.");
  const before = { mechanism: record.mechanism, externalId: record.externalId, revokedAt: record.revokedAt?.toISOString() ?? null };
  if (record.revokedAt && record.revocationRequestId !== request.id) return { before, after: before, summary: "Already revoked; nothing to change." };
  await context.reportProgress({ phase: "applying", message: `Revoking ${accessRoles[payload.role].name} for ${payload.principal.displayName}` });
  if (record.mechanism === "azure-rbac") {
    const subscriptionId = parseClusterResourceId(record.clusterResourceId)?.subscriptionId ?? "";
    await armCall(() => deleteRoleAssignment(subscriptionId, record.externalId, request.correlationId));
  } else {
    const cluster = await readCluster(record.clusterResourceId, request.correlationId);
    const [namespace = "", name = ""] = record.externalId.split("/");
    const credentials = await armCall(() => portalClusterCredentials(cluster, request.correlationId));
    await kubeCall(() => deleteRoleBinding(credentials, namespace, name));
  }
  await forgetCachedAccess(record.clusterResourceId, record.externalId);
  const revocation = await db().changeRequest.findUniqueOrThrow({ where: { id: request.id }, select: { id: true, number: true, requesterName: true } });
  await recordGrantRevoked(record, revocation);
  return { before, after: { ...before, revokedAt: new Date().toISOString() }, summary: `Revoked ${accessRoles[payload.role].name} for ${payload.principal.displayName}.` };
}

/** Kubernetes RBAC names an Entra user by UPN (as AKS's authenticator does) and a group by object id. */
function kubernetesSubject(payload: Grant): { kind: "User" | "Group"; name: string } {
  if (payload.principal.type === "Group") return { kind: "Group", name: payload.principal.objectId };
  if (!payload.principal.userPrincipalName) throw new Error("The user has no user principal name, which Kubernetes RBAC needs.");
  return { kind: "User", name: payload.principal.userPrincipalName };
}

async function readCluster(clusterId: string, correlationId: string): Promise<Cluster> {
  const { cluster } = await armCall(() => getCluster(clusterId, correlationId));
  if (cluster.apiServerAccess.privateCluster && !cluster.identity.azureRbac) {
    throw new Error("The cluster is private and uses Kubernetes RBAC: the portal cannot reach its API server to write a RoleBinding.");
  }
  return cluster;
}

async function armCall<T>(call: () => Promise<T>, options: { onRoleAssignmentExists?: () => Promise<T> } = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = armFailure(error);
    if (failure.code === "AuthorizationFailed") {
      throw new Error(`Clusterdesk's identity may not manage role assignments at this scope (it needs User Access Administrator or Owner there). Azure said: ${failure.message}`, { cause: error });
    }
    if (failure.code === "RoleAssignmentExists" && options.onRoleAssignmentExists) return options.onRoleAssignmentExists();
    // A principal created moments ago may not have replicated to ARM yet: Azure answers 400
    // PrincipalNotFound, and a later attempt succeeds.
    if (failure.retryable || failure.code === "PrincipalNotFound") throw new RetryableError(`Azure Resource Manager: ${failure.message}`, { cause: error });
    throw new Error(`Azure Resource Manager refused the change: ${failure.message}`, { cause: error });
  }
}

async function kubeCall(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (error instanceof KubeWriteError && error.retryable) throw new RetryableError(error.message, { cause: error });
    throw error;
  }
}
