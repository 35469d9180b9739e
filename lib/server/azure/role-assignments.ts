import "server-only";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { env } from "@/lib/env";
import { armTelemetryPolicy } from "@/lib/server/telemetry/arm-telemetry-policy";
import { portalCredential } from "./credential";

/**
 * arm-authorization is on the older @azure/core-client, whose per-call headers are `customHeaders`;
 * sent as x-ms-client-request-id so the Activity Log joins the request's audit events.
 */
const withCorrelation = (correlationId: string) => ({ requestOptions: { customHeaders: { "x-ms-client-request-id": correlationId } } });

const clients = new Map<string, AuthorizationManagementClient>();

/** As for AKS: the configured cloud's scope, since the SDK would keep the public cloud's. */
export function authorizationClient(subscriptionId: string): AuthorizationManagementClient {
  let client = clients.get(subscriptionId);
  if (!client) {
    const { endpoints } = env();
    client = new AuthorizationManagementClient(portalCredential(), subscriptionId, {
      endpoint: endpoints.resourceManager,
      credentialScopes: [endpoints.scopes.resourceManager],
    });
    client.pipeline.addPolicy(armTelemetryPolicy(), { afterPhase: "Retry" });
    clients.set(subscriptionId, client);
  }
  return client;
}

export type RoleAssignmentToPut = {
  subscriptionId: string;
  scope: string;
  /** A GUID; Clusterdesk derives it from the request so that a repeated PUT is the same assignment. */
  name: string;
  roleDefinitionId: string;
  principalId: string;
  principalType: "User" | "Group";
};

/** PUT of a role assignment; the same name and content again is a no-op for ARM. Returns its resource id. */
export async function putRoleAssignment(assignment: RoleAssignmentToPut, correlationId: string): Promise<string> {
  const created = await authorizationClient(assignment.subscriptionId).roleAssignments.create(
    assignment.scope,
    assignment.name,
    { roleDefinitionId: assignment.roleDefinitionId, principalId: assignment.principalId, principalType: assignment.principalType },
    withCorrelation(correlationId),
  );
  return created.id ?? `${assignment.scope}/providers/Microsoft.Authorization/roleAssignments/${assignment.name}`;
}

/** DELETE of a role assignment by its resource id; an assignment already gone is not an error (204). */
export async function deleteRoleAssignment(subscriptionId: string, roleAssignmentId: string, correlationId: string): Promise<void> {
  await authorizationClient(subscriptionId).roleAssignments.deleteById(roleAssignmentId, withCorrelation(correlationId));
}

export type RoleAssignmentRead = { id: string; scope: string; roleDefinitionId: string; principalId: string; principalType: string | null };

/**
 * Role assignments at, above (inherited) and below (namespaces) a scope, as ARM's list for a scope
 * returns them without `atScope()`.
 */
export async function listRoleAssignmentsAround(subscriptionId: string, scope: string, correlationId: string): Promise<RoleAssignmentRead[]> {
  const found: RoleAssignmentRead[] = [];
  for await (const assignment of authorizationClient(subscriptionId).roleAssignments.listForScope(scope, withCorrelation(correlationId))) {
    if (!assignment.id || !assignment.scope || !assignment.roleDefinitionId || !assignment.principalId) continue;
    found.push({ id: assignment.id, scope: assignment.scope, roleDefinitionId: assignment.roleDefinitionId, principalId: assignment.principalId.toLowerCase(), principalType: assignment.principalType ?? null });
  }
  return found;
}

/**
 * Every role assignment at, above and below a subscription (ARM's list for the subscription without
 * `$filter`: learn.microsoft.com/rest/api/authorization/role-assignments/list-for-subscription), paged
 * through `nextLink`; `keep` drops the ones the caller has no use for while paging, so a large
 * subscription's unrelated assignments are not held in memory.
 */
export async function listRoleAssignmentsOfSubscription(subscriptionId: string, correlationId: string, keep: (assignment: RoleAssignmentRead) => boolean = () => true): Promise<RoleAssignmentRead[]> {
  const found: RoleAssignmentRead[] = [];
  for await (const assignment of authorizationClient(subscriptionId).roleAssignments.listForSubscription(withCorrelation(correlationId))) {
    if (!assignment.id || !assignment.scope || !assignment.roleDefinitionId || !assignment.principalId) continue;
    const read = { id: assignment.id, scope: assignment.scope, roleDefinitionId: assignment.roleDefinitionId, principalId: assignment.principalId.toLowerCase(), principalType: assignment.principalType ?? null };
    if (keep(read)) found.push(read);
  }
  return found;
}
