import { transitiveGroups } from "../directory";
import type { EmulatorState } from "../state";
import { roleDefinitionOf } from "./custom-roles";
import { ArmError } from "./errors";
import { isAtOrAbove } from "./role-assignment-filter";
import { conditionAllows } from "./role-assignment-condition";

/** Who calls ARM, as AuthorizationFailed names them: a user by UPN, an application by object id. */
export type ArmCaller = { objectId: string; clientName: string };

/** Azure action patterns: `*` matches any run of characters, comparison ignores case. */
function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${escaped}$`, "i").test(action);
}

/**
 * ARM's own authorization of a control-plane action: some role assigned to the caller (or a group it
 * is in, transitively) at or above the scope must allow the action, and that assignment's condition
 * (if any) must let it through for the role definition being assigned or unassigned
 * (`roleDefinitionGuid`). Only role-assignment and role-definition writes and deletes are checked in
 * the emulator; other ARM calls are not authorized (docs/EMULATOR.md).
 */
export function requireArmPermission(state: EmulatorState, caller: ArmCaller, action: string, resourceId: string, scope: string, roleDefinitionGuid?: string): void {
  const principals = new Set([caller.objectId, ...transitiveGroups(state, caller.objectId).map((group) => group.id)].map((id) => id.toLowerCase()));
  const allowed = state.roleAssignments.some((assignment) => {
    if (!principals.has(assignment.principalId.toLowerCase()) || !isAtOrAbove(assignment.scope, scope)) return false;
    const role = roleDefinitionOf(state, assignment.roleDefinitionGuid);
    if (assignment.condition && !conditionAllows(assignment.condition, action, roleDefinitionGuid)) return false;
    return role !== undefined && role.actions.some((pattern) => actionMatches(pattern, action)) && !role.notActions.some((pattern) => actionMatches(pattern, action));
  });
  if (allowed) return;
  throw new ArmError(
    403,
    "AuthorizationFailed",
    `The client '${caller.clientName}' with object id '${caller.objectId}' does not have authorization to perform action '${action}' over scope '${resourceId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
