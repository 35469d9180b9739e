import type { Exchange } from "../http/exchange";
import type { Runtime } from "../runtime";
import { builtInRole, builtInRoles } from "./built-in-roles";
import { customRolesOf, type CustomRole } from "./custom-roles";
import { ArmError, isRecord, parseJsonBody, sendArm } from "./errors";
import { isAtOrAbove } from "./role-assignment-filter";
import { requireArmPermission, type ArmCaller } from "./role-assignments-permission";

/** Microsoft.Authorization/roleDefinitions: the built-in roles, readable at any scope, and custom roles made with PUT. */
function definitionIdPrefix(scope: string): string {
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  return subscription ? `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions` : "/providers/Microsoft.Authorization/roleDefinitions";
}

export function roleDefinitionId(scope: string, guid: string): string {
  return `${definitionIdPrefix(scope)}/${guid}`;
}

function body(scope: string, role: (typeof builtInRoles)[number]) {
  return {
    id: roleDefinitionId(scope, role.guid),
    name: role.guid,
    type: "Microsoft.Authorization/roleDefinitions",
    properties: {
      roleName: role.roleName,
      type: "BuiltInRole",
      description: role.description,
      assignableScopes: ["/"],
      permissions: [{ actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: role.notDataActions }],
      createdOn: "2020-07-10T21:40:30.0000000Z",
      updatedOn: "2024-05-14T15:52:17.0000000Z",
      createdBy: null,
      updatedBy: null,
    },
  };
}

function customBody(scope: string, role: CustomRole) {
  return {
    id: roleDefinitionId(scope, role.guid),
    name: role.guid,
    type: "Microsoft.Authorization/roleDefinitions",
    properties: {
      roleName: role.roleName, type: "CustomRole", description: role.description, assignableScopes: role.assignableScopes,
      permissions: [{ actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: role.notDataActions }],
      createdOn: role.createdOn, updatedOn: role.updatedOn, createdBy: null, updatedBy: null,
    },
  };
}

/** A custom role is listed where it may be assigned: at, above or below one of its assignable scopes. */
const visibleAt = (role: CustomRole, scope: string) => role.assignableScopes.some((assignable) => isAtOrAbove(assignable, scope) || isAtOrAbove(scope, assignable));

export function getRoleDefinition(exchange: Exchange, runtime: Runtime, scope: string, guid: string): void {
  const role = builtInRole(guid);
  if (role) return sendArm(exchange, 200, body(scope, role));
  const custom = customRolesOf(runtime.state()).find((candidate) => candidate.guid === guid.toLowerCase());
  if (!custom) throw new ArmError(404, "RoleDefinitionDoesNotExist", `The specified role definition with ID '${guid}' does not exist.`);
  sendArm(exchange, 200, customBody(scope, custom));
}

export function listRoleDefinitions(exchange: Exchange, runtime: Runtime, scope: string): void {
  const filter = exchange.url.searchParams.get("$filter") ?? "";
  const roleName = /roleName\s+eq\s+'([^']*)'/i.exec(filter)?.[1];
  const customOnly = /type\s+eq\s+'CustomRole'/i.test(filter);
  const named = (name: string) => !roleName || name.toLowerCase() === roleName.toLowerCase();
  const roles = builtInRoles.filter((role) => !customOnly && named(role.roleName));
  const custom = customRolesOf(runtime.state()).filter((role) => named(role.roleName) && visibleAt(role, scope || "/"));
  sendArm(exchange, 200, { value: [...roles.map((role) => body(scope, role)), ...custom.map((role) => customBody(scope, role))] });
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** PUT of a custom role (`az role definition create|update`): one name per tenant, at least one assignable scope. */
export async function putRoleDefinition(exchange: Exchange, runtime: Runtime, scope: string, guid: string, caller: ArmCaller): Promise<void> {
  const parsed = parseJsonBody(await exchange.body());
  requireArmPermission(runtime.state(), caller, "Microsoft.Authorization/roleDefinitions/write", roleDefinitionId(scope, guid), scope);
  if (builtInRole(guid)) throw new ArmError(403, "RoleDefinitionUpdateNotPermitted", "Built-in role definitions cannot be changed.");
  const properties = isRecord(parsed) && isRecord(parsed.properties) ? parsed.properties : {};
  const roleName = typeof properties.roleName === "string" ? properties.roleName.trim() : "";
  const assignableScopes = strings(properties.assignableScopes);
  const [permissions] = Array.isArray(properties.permissions) ? properties.permissions : [];
  if (!roleName) throw new ArmError(400, "InvalidRoleDefinition", "The role definition must have a roleName.");
  if (assignableScopes.length === 0) throw new ArmError(400, "InvalidRoleDefinition", "The role definition must have at least one assignable scope.");
  const roles = customRolesOf(runtime.state());
  const lower = guid.toLowerCase();
  if ([...builtInRoles, ...roles.filter((role) => role.guid !== lower)].some((role) => role.roleName.toLowerCase() === roleName.toLowerCase())) {
    throw new ArmError(409, "RoleDefinitionWithSameNameExists", `A custom role with the same name already exists in this directory. Use a different name.`);
  }
  const existing = roles.find((role) => role.guid === lower);
  const now = new Date().toISOString();
  const permission = isRecord(permissions) ? permissions : {};
  const role: CustomRole = {
    guid: lower, roleName, description: typeof properties.description === "string" ? properties.description : "", assignableScopes,
    actions: strings(permission.actions), notActions: strings(permission.notActions), dataActions: strings(permission.dataActions), notDataActions: strings(permission.notDataActions),
    createdOn: existing?.createdOn ?? now, updatedOn: now,
  };
  roles.splice(existing ? roles.indexOf(existing) : roles.length, existing ? 1 : 0, role);
  // The spec (RoleDefinitions_CreateOrUpdate) knows only 201, for an update too; the CLI's SDK refuses 200.
  sendArm(exchange, 201, customBody(scope, role));
}
