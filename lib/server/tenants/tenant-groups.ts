import "server-only";
import { findDirectoryPrincipal } from "@/lib/server/azure/directory-principals";

export type GroupCheck = { ok: true } | { ok: false; field: "ownerGroupId" | "memberGroupIds"; message: string };

/**
 * The picker sends object ids; a form can send anything. Each must be a group in the directory (per
 * Graph, now), or team-lead rights would hang off a user or a deleted group.
 */
export async function checkTenantGroups(ownerGroupId: string, memberGroupIds: readonly string[]): Promise<GroupCheck> {
  if (memberGroupIds.includes(ownerGroupId)) return { ok: false, field: "memberGroupIds", message: "The owner group is already the tenant's; choose other groups as members." };
  for (const [field, id] of [["ownerGroupId", ownerGroupId] as const, ...memberGroupIds.map((member) => ["memberGroupIds", member] as const)]) {
    const found = await findDirectoryPrincipal(id);
    if (!found.ok) return { ok: false, field, message: `Microsoft Graph did not answer (${found.status ?? "no answer"}); the groups could not be checked. Nothing was recorded; try again.` };
    if (!found.principal || found.principal.type !== "Group") return { ok: false, field, message: `${id} is not a group in the directory. Choose a group with the picker.` };
  }
  return { ok: true };
}
