import "server-only";
import { graph, interactive, statusOf } from "./graph";

/** A user or group as access grants name it; service principals are not offered (yet). */
export type DirectoryPrincipal = { objectId: string; type: "User" | "Group"; displayName: string; userPrincipalName: string | null };

export type PrincipalLookup = { ok: true; principal: DirectoryPrincipal | null } | { ok: false; status: number | null };

type GraphObject = { id?: unknown; displayName?: unknown; userPrincipalName?: unknown };

function principalOf(type: "User" | "Group", raw: GraphObject): DirectoryPrincipal | null {
  if (typeof raw.id !== "string") return null;
  return {
    objectId: raw.id.toLowerCase(),
    type,
    displayName: typeof raw.displayName === "string" ? raw.displayName : raw.id,
    userPrincipalName: type === "User" && typeof raw.userPrincipalName === "string" ? raw.userPrincipalName : null,
  };
}

/** The user or group with this object id, as the directory says now; `principal: null` when neither exists. */
export async function findDirectoryPrincipal(objectId: string): Promise<PrincipalLookup> {
  for (const [collection, type, fields] of [["users", "User", "id,displayName,userPrincipalName"], ["groups", "Group", "id,displayName"]] as const) {
    try {
      const raw = (await interactive(graph().api(`/${collection}/${encodeURIComponent(objectId)}`).version("v1.0").select(fields)).get()) as GraphObject;
      return { ok: true, principal: principalOf(type, raw) };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 404) return { ok: false, status };
    }
  }
  return { ok: true, principal: null };
}

/**
 * Whether the principal is, directly or through nested groups, one of `groupIds` or a member of one.
 * Graph's getMemberObjects answers for users and groups alike.
 */
export async function principalIsInGroups(principal: DirectoryPrincipal, groupIds: readonly string[]): Promise<{ ok: true; member: boolean } | { ok: false; status: number | null }> {
  const wanted = new Set(groupIds.map((id) => id.toLowerCase()));
  if (principal.type === "Group" && wanted.has(principal.objectId)) return { ok: true, member: true };
  const collection = principal.type === "User" ? "users" : "groups";
  try {
    const response = (await interactive(graph().api(`/${collection}/${encodeURIComponent(principal.objectId)}/getMemberObjects`).version("v1.0")).post({ securityEnabledOnly: false })) as { value?: unknown };
    const ids = Array.isArray(response.value) ? response.value.filter((id): id is string => typeof id === "string") : [];
    return { ok: true, member: ids.some((id) => wanted.has(id.toLowerCase())) };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}

/**
 * Users and groups in a group, nested members included (Graph's transitiveMembers), for the grant
 * form's choice of principal. Service principals and devices are left out; at most 200 are read.
 */
export async function transitiveGroupMembers(groupId: string): Promise<{ ok: true; members: DirectoryPrincipal[] } | { ok: false; status: number | null }> {
  try {
    const response = (await interactive(graph().api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers`).version("v1.0").top(200)).get()) as {
      value?: Array<GraphObject & { "@odata.type"?: unknown }>;
    };
    const members = (response.value ?? []).flatMap((raw) => {
      const type = raw["@odata.type"] === "#microsoft.graph.user" ? "User" : raw["@odata.type"] === "#microsoft.graph.group" ? "Group" : null;
      const principal = type ? principalOf(type, raw) : null;
      return principal ? [principal] : [];
    });
    return { ok: true, members };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}
