import "server-only";
import type { RoleDataActions } from "@/lib/access/access-check";
import { authorizationClient } from "./role-assignments";

export type RoleDefinitionRead = RoleDataActions & { id: string; roleName: string };

/**
 * A role definition's name and data actions, by its resource id, read from ARM (built-in and custom
 * roles alike), so that the access check explains with what Azure actually evaluates.
 */
export async function readRoleDefinition(subscriptionId: string, roleDefinitionId: string): Promise<RoleDefinitionRead> {
  const definition = await authorizationClient(subscriptionId).roleDefinitions.getById(roleDefinitionId);
  const permissions = definition.permissions ?? [];
  return {
    id: roleDefinitionId,
    roleName: definition.roleName ?? roleDefinitionId.split("/").at(-1) ?? roleDefinitionId,
    dataActions: permissions.flatMap((permission) => permission.dataActions ?? []),
    notDataActions: permissions.flatMap((permission) => permission.notDataActions ?? []),
  };
}
