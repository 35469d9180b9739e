import "server-only";
import { parseClusterResourceId } from "@/lib/clusters/resource-id";
import type { TenantOffboardingPayload } from "@/lib/requests/kinds";
import { identityNameFor, roleAssignmentIntents } from "@/lib/tenants/arm-intents";
import type { EnvironmentTarget } from "@/lib/tenants/environment-target";
import { roleAssignmentNameOf } from "@/lib/tenants/offboarding";
import { armFailure } from "@/lib/server/azure/arm-errors";
import { deleteFederatedCredential, listFederatedCredentialNames } from "@/lib/server/azure/federated-credentials";
import { getCluster } from "@/lib/server/azure/managed-clusters";
import { deleteUserAssignedIdentity, getUserAssignedIdentity } from "@/lib/server/azure/managed-identities";
import { releaseManagedNamespace } from "@/lib/server/azure/managed-namespace-release";
import { getManagedNamespace } from "@/lib/server/azure/managed-namespaces";
import { getRoleAssignment } from "@/lib/server/azure/role-assignment-read";
import { deleteRoleAssignment } from "@/lib/server/azure/role-assignments";
import { RetryableError } from "@/lib/server/requests/executor";
import { EnvironmentUnavailable } from "./environment-unavailable";

type PlannedEnvironment = TenantOffboardingPayload["plan"]["environments"][number];
export type EnvironmentArmPlan = NonNullable<PlannedEnvironment["arm"]>;

async function armRead<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = armFailure(error);
    throw new EnvironmentUnavailable(`Azure Resource Manager could not be asked about ${what}: ${failure.message}`, failure.retryable, { cause: error });
  }
}

/**
 * What Azure holds for one environment, found from the same deterministic names the environment's
 * apply used (arm-intents.ts): on an Azure-RBAC cluster the managed namespace and the role
 * assignments of the tenant's current owner and member groups at the namespace's scope; on any
 * cluster the workload identity `clusterdesk-<cluster>-<namespace>` and its federated credentials.
 * Only what exists is listed, so the plan is exactly what offboarding will delete.
 */
export async function readEnvironmentArm(environment: { clusterResourceId: string; namespace: string }, tenant: { ownerGroupId: string; memberGroupIds: readonly string[] }, correlationId: string): Promise<EnvironmentArmPlan> {
  const { cluster } = await armRead("the cluster", () => getCluster(environment.clusterResourceId, correlationId));
  const target: EnvironmentTarget = {
    clusterResourceId: cluster.id, clusterName: cluster.name, subscriptionId: cluster.subscriptionId, resourceGroup: cluster.resourceGroup, location: cluster.location,
    azureRbac: cluster.identity.azureRbac, oidcIssuerUrl: null, nodePools: [],
  };
  const { namespace } = environment;
  const managedNamespace = target.azureRbac ? await armRead(`managed namespace ${namespace}`, () => getManagedNamespace(cluster.id, namespace, correlationId)) : null;
  const roleAssignments: EnvironmentArmPlan["roleAssignments"] = [];
  if (target.azureRbac) {
    for (const intent of roleAssignmentIntents(target, namespace, tenant.ownerGroupId, tenant.memberGroupIds)) {
      const found = await armRead(`role assignment ${intent.name}`, () => getRoleAssignment(intent.subscriptionId, intent.scope, intent.name, correlationId));
      if (found) roleAssignments.push({ id: `${intent.scope}/providers/Microsoft.Authorization/roleAssignments/${intent.name}`, role: intent.role, principalId: intent.principalId });
    }
  }
  const address = { subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup, name: identityNameFor(target, namespace) };
  const identity = await armRead(`managed identity ${address.name}`, () => getUserAssignedIdentity(address, correlationId));
  const federatedCredentials = identity ? await armRead(`the federated credentials of ${address.name}`, () => listFederatedCredentialNames(address, correlationId)) : [];
  return {
    managedNamespace: managedNamespace ? { deletePolicy: typeof managedNamespace.properties.deletePolicy === "string" ? managedNamespace.properties.deletePolicy : "Keep" } : null,
    roleAssignments,
    identity: identity ? { ...address, federatedCredentials } : null,
  };
}

export const armStepVerbs: ReadonlySet<string> = new Set(["roleassignment", "credential", "identity", "managednamespace"]);

/**
 * One Azure step of the recorded plan. Deletes are idempotent: a 404 is done (gone already, e.g. an
 * identity whose credentials went with it); 409/412/429/5xx are retryable, other refusals are not.
 */
export async function runArmStep(verb: string, suffix: string, environment: PlannedEnvironment, deletePolicy: "delete" | "keep", correlationId: string, signal?: AbortSignal): Promise<void> {
  const arm = environment.arm;
  if (!arm) throw new Error(`The plan holds no Azure resources for ${environment.namespace}.`);
  switch (verb) {
    case "roleassignment": {
      const assignment = arm.roleAssignments.find((candidate) => roleAssignmentNameOf(candidate.id) === suffix);
      if (!assignment) throw new Error(`The plan has no role assignment ${suffix}.`);
      const subscriptionId = parseClusterResourceId(environment.clusterResourceId)?.subscriptionId ?? "";
      return armDelete(`role assignment ${suffix}`, () => deleteRoleAssignment(subscriptionId, assignment.id, correlationId));
    }
    case "credential": {
      const identity = arm.identity;
      if (!identity) throw new Error(`The plan has no managed identity for ${environment.namespace}.`);
      return armDelete(`federated credential ${suffix}`, () => deleteFederatedCredential(identity, suffix, correlationId));
    }
    case "identity": {
      const identity = arm.identity;
      if (!identity) throw new Error(`The plan has no managed identity for ${environment.namespace}.`);
      return armDelete(`managed identity ${identity.name}`, () => deleteUserAssignedIdentity(identity, correlationId));
    }
    case "managednamespace":
      return armDelete(`managed namespace ${environment.namespace}`, () => releaseManagedNamespace(environment.clusterResourceId, environment.namespace, deletePolicy === "delete" ? "Delete" : "Keep", correlationId, signal));
    default:
      throw new Error(`Unknown Azure offboarding step ${verb}.`);
  }
}

/** A delete through ARM: 404 is done, retryable failures become `RetryableError`s, others fail the request. */
export async function armDelete(what: string, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const failure = armFailure(error);
    if (failure.kind === "not-found") return;
    if (failure.retryable) throw new RetryableError(`Azure Resource Manager (${what}): ${failure.message}`, { cause: error });
    throw new Error(`Azure Resource Manager refused to delete ${what}: ${failure.message}`, { cause: error });
  }
}
