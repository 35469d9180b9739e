import type { PortalRole } from "./policy";

export type RoleGroups = { adminGroupIds: readonly string[]; auditorGroupIds: readonly string[] };

/** Portal roles from Entra group membership. Group object ids are GUIDs: compare case-insensitively. */
export function portalRolesFor(groupIds: readonly string[], config: RoleGroups): PortalRole[] {
  const member = new Set(groupIds.map((id) => id.toLowerCase()));
  const inAny = (ids: readonly string[]) => ids.some((id) => member.has(id.toLowerCase()));
  const roles: PortalRole[] = [];
  if (inAny(config.adminGroupIds)) roles.push("admin");
  if (inAny(config.auditorGroupIds)) roles.push("auditor");
  return roles;
}
