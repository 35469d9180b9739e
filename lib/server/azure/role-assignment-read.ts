import "server-only";
import { isRestError } from "@azure/core-rest-pipeline";
import { authorizationClient } from "./role-assignments";

/** One role assignment by scope and name, or null when there is none (plain data: no SDK types). */
export async function getRoleAssignment(subscriptionId: string, scope: string, name: string, correlationId: string): Promise<{ roleDefinitionId: string; principalId: string } | null> {
  try {
    const found = await authorizationClient(subscriptionId).roleAssignments.get(scope, name, { requestOptions: { customHeaders: { "x-ms-client-request-id": correlationId } } });
    return { roleDefinitionId: found.roleDefinitionId ?? "", principalId: found.principalId ?? "" };
  } catch (error) {
    // arm-authorization is on @azure/core-client, whose RestError has the same shape.
    if ((isRestError(error) || (error instanceof Error && "statusCode" in error)) && (error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
