import "server-only";
import type { Principal } from "@/lib/auth/policy";
import { type PickerOption, pickerOptionOf, pickerSearchLimit } from "@/lib/access/people-picker";
import { searchDirectory, transitiveGroupMembers } from "@/lib/server/azure/directory-principals";
import { db } from "@/lib/server/db/client";

export type DirectorySearchOutcome = { ok: true; options: PickerOption[] } | { ok: false; error: string };

/**
 * The people picker's search. Admins and auditors search the whole directory; a team lead only
 * finds their tenants' groups and those groups' members (nested included), filtered here on the
 * server, since that is all a lead may grant to. A lead's search reads more hits from Graph than it
 * shows, so outsiders matching first do not hide members.
 */
export async function searchPrincipalsFor(viewer: Principal, term: string): Promise<DirectorySearchOutcome> {
  const wholeDirectory = viewer.roles.includes("admin") || viewer.roles.includes("auditor");
  const allowed = wholeDirectory ? null : await tenantPrincipalIds(viewer.ownedTenantIds);
  if (allowed && !allowed.ok) return { ok: false, error: `Microsoft Graph did not answer (${allowed.status ?? "no answer"}): your tenants' members could not be listed. Try again.` };
  const found = await searchDirectory(term, allowed ? 50 : pickerSearchLimit);
  if (!found.ok) return { ok: false, error: `Microsoft Graph did not answer the search (${found.status ?? "no answer"}). Try again.` };
  const visible = allowed ? found.matches.filter((match) => allowed.ids.has(match.objectId)) : found.matches;
  return { ok: true, options: visible.slice(0, pickerSearchLimit).map(pickerOptionOf) };
}

/** The owner and member groups of the tenants, and everyone in them (transitively, per Graph). */
export async function tenantPrincipalIds(tenantIds: readonly string[]): Promise<{ ok: true; ids: Set<string> } | { ok: false; status: number | null }> {
  const tenants = await db().tenant.findMany({ where: { id: { in: [...tenantIds] } }, select: { ownerGroupId: true, memberGroupIds: true } });
  const groupIds = [...new Set(tenants.flatMap((tenant) => [tenant.ownerGroupId, ...tenant.memberGroupIds].map((id) => id.toLowerCase())))];
  const ids = new Set(groupIds);
  for (const groupId of groupIds) {
    const members = await transitiveGroupMembers(groupId);
    if (!members.ok) return members;
    for (const member of members.members) ids.add(member.objectId);
  }
  return { ok: true, ids };
}
