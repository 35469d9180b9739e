import { directoryObjectExists, transitiveGroups } from "../directory";
import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { findCluster, type EmulatorState, type RoleAssignmentRecord } from "../state";
import { roleDefinitionOf } from "./custom-roles";
import { requireArmPermission, type ArmCaller } from "./role-assignments-permission";
import { ArmError, armErrors, isRecord, parseJsonBody, sendArm } from "./errors";
import { page } from "./paging";
import { roleDefinitionId } from "./role-definitions";
import { normaliseScope, parseRoleAssignmentFilter, selectRoleAssignments } from "./role-assignment-filter";
import { findResourceGroup, findSubscription } from "./subscriptions";

/** Microsoft.Authorization/roleAssignments (api-version 2022-04-01) at any scope, namespace scopes included. */
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const principalTypes = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"] as const;

/** The stored scope keeps the caller's spelling, minus the leading `//` and trailing slash. */
function displayScope(scope: string): string {
  return `/${scope}`.replace(/\/{2,}/g, "/").replace(/\/$/, "") || "/";
}

export function roleAssignmentBody(assignment: RoleAssignmentRecord) {
  const scope = displayScope(assignment.scope);
  return {
    id: `${scope === "/" ? "" : scope}/providers/Microsoft.Authorization/roleAssignments/${assignment.name}`,
    name: assignment.name,
    type: "Microsoft.Authorization/roleAssignments",
    properties: {
      roleDefinitionId: roleDefinitionId(scope, assignment.roleDefinitionGuid),
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      scope,
      condition: assignment.condition,
      conditionVersion: assignment.conditionVersion,
      createdOn: assignment.createdOn,
      updatedOn: assignment.updatedOn,
      createdBy: assignment.createdBy,
      updatedBy: assignment.updatedBy,
      delegatedManagedIdentityResourceId: null,
      description: assignment.description,
    },
  };
}

/** The scope must exist: subscription, resource group, cluster (and anything below a cluster, such as a namespace). */
function requireScope(runtime: Runtime, scope: string): void {
  const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(?:\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+))?)?/i.exec(displayScope(scope));
  if (!match?.[1]) throw new ArmError(400, "InvalidRoleAssignmentScope", `The scope '${scope}' is not valid for role assignments in this emulator.`);
  findSubscription(runtime, match[1]);
  if (match[2]) findResourceGroup(runtime, match[1], match[2]);
  if (match[2] && match[3] && !findCluster(runtime.state(), match[1], match[2], match[3])) {
    throw armErrors.resourceNotFound("Microsoft.ContainerService/managedClusters", match[3], match[2]);
  }
}

const sameScope = (a: string, b: string) => normaliseScope(a) === normaliseScope(b);

function principalTypeOf(state: EmulatorState, principalId: string): RoleAssignmentRecord["principalType"] {
  if (state.groups.some((group) => group.id === principalId)) return "Group";
  if (state.servicePrincipals.some((sp) => sp.id === principalId)) return "ServicePrincipal";
  return "User";
}

export function getRoleAssignment(exchange: Exchange, runtime: Runtime, scope: string, name: string): void {
  const assignment = runtime.state().roleAssignments.find((candidate) => candidate.name === name.toLowerCase() && sameScope(candidate.scope, scope));
  if (!assignment) throw new ArmError(404, "RoleAssignmentNotFound", `The role assignment '${name}' is not found.`);
  sendArm(exchange, 200, roleAssignmentBody(assignment));
}

const assignmentId = (scope: string, name: string) => `${displayScope(scope) === "/" ? "" : displayScope(scope)}/providers/Microsoft.Authorization/roleAssignments/${name}`;

export function deleteRoleAssignment(exchange: Exchange, runtime: Runtime, scope: string, name: string, caller: ArmCaller): void {
  const state = runtime.state();
  const assignment = state.roleAssignments.find((candidate) => candidate.name === name.toLowerCase() && sameScope(candidate.scope, scope));
  // A condition on the caller's own assignment may limit which role definitions it can unassign (@Resource).
  requireArmPermission(state, caller, "Microsoft.Authorization/roleAssignments/delete", assignmentId(scope, name), scope, assignment?.roleDefinitionGuid);
  if (!assignment) return sendArm(exchange, 204, undefined);
  state.roleAssignments = state.roleAssignments.filter((candidate) => candidate !== assignment);
  sendArm(exchange, 200, roleAssignmentBody(assignment));
}

export function listRoleAssignments(exchange: Exchange, runtime: Runtime, scope: string): void {
  if (scope !== "/" && scope !== "") requireScope(runtime, scope);
  const state = runtime.state();
  const filter = parseRoleAssignmentFilter(exchange.url.searchParams.get("$filter"));
  const selected = selectRoleAssignments(state.roleAssignments, scope || "/", filter, (id) => transitiveGroups(state, id).map((group) => group.id));
  sendArm(exchange, 200, page(exchange, runtime.baseUrl(), selected.map(roleAssignmentBody), runtime.settings.armPageSize));
}

export async function putRoleAssignment(exchange: Exchange, runtime: Runtime, scope: string, name: string, caller: ArmCaller): Promise<void> {
  const body = parseJsonBody(await exchange.body());
  // ARM authorizes before the provider validates anything, so a caller without the right learns nothing.
  const properties = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const roleGuid = (/roleDefinitions\/([^/]+)$/i.exec(String(properties.roleDefinitionId ?? ""))?.[1] ?? "").toLowerCase();
  // A condition on the caller's own assignment may limit which role definitions it can assign (@Request).
  requireArmPermission(runtime.state(), caller, "Microsoft.Authorization/roleAssignments/write", assignmentId(scope, name), scope, roleGuid);
  if (!guidPattern.test(name)) throw new ArmError(400, "InvalidRoleAssignmentId", `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
  requireScope(runtime, scope);
  if (!roleDefinitionOf(runtime.state(), roleGuid)) throw new ArmError(400, "RoleDefinitionDoesNotExist", `The specified role definition with ID '${roleGuid}' does not exist.`);
  const state = runtime.state();
  const principalId = String(properties.principalId ?? "").toLowerCase();
  if (!directoryObjectExists(state, principalId)) {
    throw new ArmError(400, "PrincipalNotFound", `Principal ${principalId.replace(/-/g, "")} does not exist in the directory ${state.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`);
  }
  const requestedType = principalTypes.find((type) => type === properties.principalType);
  const existing = state.roleAssignments.find((candidate) => candidate.name === name.toLowerCase());
  if (existing) {
    if (existing.principalId !== principalId || !sameScope(existing.scope, scope) || existing.roleDefinitionGuid !== roleGuid) {
      throw new ArmError(409, "RoleAssignmentUpdateNotPermitted", "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
    }
    return sendArm(exchange, 201, roleAssignmentBody(existing));
  }
  if (state.roleAssignments.some((c) => c.principalId === principalId && c.roleDefinitionGuid === roleGuid && sameScope(c.scope, scope))) {
    throw new ArmError(409, "RoleAssignmentExists", "The role assignment already exists.");
  }
  const now = new Date().toISOString();
  const assignment: RoleAssignmentRecord = {
    name: name.toLowerCase(), scope: displayScope(scope), roleDefinitionGuid: roleGuid, principalId,
    principalType: requestedType ?? principalTypeOf(state, principalId),
    description: typeof properties.description === "string" ? properties.description : null,
    condition: typeof properties.condition === "string" ? properties.condition : null,
    conditionVersion: typeof properties.conditionVersion === "string" ? properties.conditionVersion : null,
    createdOn: now, updatedOn: now, createdBy: caller.objectId, updatedBy: caller.objectId,
  };
  state.roleAssignments.push(assignment);
  sendArm(exchange, 201, roleAssignmentBody(assignment));
}
