import type { Exchange } from "../http/exchange";
import { builtInRole, builtInRoles } from "./built-in-roles";
import { ArmError, sendArm } from "./errors";

/** Microsoft.Authorization/roleDefinitions: the built-in roles, readable at any scope. */
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

export function getRoleDefinition(exchange: Exchange, scope: string, guid: string): void {
  const role = builtInRole(guid);
  if (!role) throw new ArmError(404, "RoleDefinitionDoesNotExist", `The specified role definition with ID '${guid}' does not exist.`);
  sendArm(exchange, 200, body(scope, role));
}

export function listRoleDefinitions(exchange: Exchange, scope: string): void {
  const filter = exchange.url.searchParams.get("$filter") ?? "";
  const roleName = /roleName\s+eq\s+'([^']*)'/i.exec(filter)?.[1];
  const customOnly = /type\s+eq\s+'CustomRole'/i.test(filter);
  const roles = builtInRoles.filter((role) => !customOnly && (!roleName || role.roleName.toLowerCase() === roleName.toLowerCase()));
  sendArm(exchange, 200, { value: roles.map((role) => body(scope, role)) });
}
