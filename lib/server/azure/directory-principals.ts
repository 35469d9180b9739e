import "server-only";
import { type Client, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
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

/** A search hit for the people picker: a user with UPN and mail, or a group with its direct member count. */
export type DirectoryMatch = DirectoryPrincipal & { mail: string | null; memberCount: number | null };

/**
 * Users and groups whose name, mail or UPN starts with `term` (Graph's `$search` tokenises display
 * names, so "bel" finds "Aliyu Bello"). `$search` on directory objects needs `ConsistencyLevel:
 * eventual`: https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 * Double quotes and backslashes are dropped from the term: inside a `"property:term"` clause they
 * would need escaping, and no name the picker looks for needs them.
 */
export async function searchDirectory(term: string, limit: number): Promise<{ ok: true; matches: DirectoryMatch[] } | { ok: false; status: number | null }> {
  const cleaned = term.replace(/["\\]/g, "").trim();
  if (cleaned === "") return { ok: true, matches: [] };
  const clauses = (properties: readonly string[]) => properties.map((property) => `"${property}:${cleaned}"`).join(" OR ");
  const search = (collection: "users" | "groups", properties: readonly string[], fields: string) =>
    interactive(graph().api(`/${collection}`).version("v1.0").header("ConsistencyLevel", "eventual").search(clauses(properties)).select(fields).top(limit)).get() as Promise<{
      value?: Array<GraphObject & { mail?: unknown }>;
    }>;
  try {
    const [users, groups] = await Promise.all([
      search("users", ["displayName", "mail", "userPrincipalName"], "id,displayName,userPrincipalName,mail"),
      search("groups", ["displayName", "mail"], "id,displayName,mail"),
    ]);
    const mailOf = (raw: { mail?: unknown }) => (typeof raw.mail === "string" ? raw.mail : null);
    const userMatches = (users.value ?? []).flatMap((raw) => {
      const principal = principalOf("User", raw);
      return principal ? [{ ...principal, mail: mailOf(raw), memberCount: null }] : [];
    });
    const groupMatches = await Promise.all(
      (groups.value ?? []).flatMap((raw) => {
        const principal = principalOf("Group", raw);
        return principal ? [groupMemberCount(principal.objectId).then((memberCount) => ({ ...principal, mail: mailOf(raw), memberCount }))] : [];
      }),
    );
    return { ok: true, matches: [...userMatches, ...groupMatches] };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}

/** Direct members of a group, counted by Graph (`$count` also needs ConsistencyLevel); null when it does not answer. */
export async function groupMemberCount(groupId: string): Promise<number | null> {
  try {
    const response = (await interactive(graph().api(`/groups/${encodeURIComponent(groupId)}/members`).version("v1.0").header("ConsistencyLevel", "eventual").count(true).select("id").top(1)).get()) as {
      "@odata.count"?: unknown;
    };
    return typeof response["@odata.count"] === "number" ? response["@odata.count"] : null;
  } catch {
    return null;
  }
}

/**
 * Every group a user or group belongs to, through nested groups too (Graph's transitiveMemberOf,
 * cast to groups so directory roles and administrative units are left out), following paging.
 */
export async function transitiveGroupsOf(principal: DirectoryPrincipal): Promise<{ ok: true; groups: Array<{ objectId: string; displayName: string }> } | { ok: false; status: number | null }> {
  const collection = principal.type === "User" ? "users" : "groups";
  const groups: Array<{ objectId: string; displayName: string }> = [];
  try {
    let page = (await interactive(graph().api(`/${collection}/${encodeURIComponent(principal.objectId)}/transitiveMemberOf/microsoft.graph.group`).version("v1.0").select("id,displayName").top(999)).get()) as GraphPage;
    for (let pages = 0; pages < 20; pages += 1) {
      for (const raw of page.value ?? []) if (typeof raw.id === "string") groups.push({ objectId: raw.id.toLowerCase(), displayName: typeof raw.displayName === "string" ? raw.displayName : raw.id });
      if (typeof page["@odata.nextLink"] !== "string") break;
      page = (await interactive(graph().api(page["@odata.nextLink"])).get()) as GraphPage;
    }
    return { ok: true, groups };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}

type GraphPage = { value?: GraphObject[]; "@odata.nextLink"?: unknown };

/** A user found in the directory, with the address Graph would deliver mail to. */
export type DirectoryUser = { objectId: string; displayName: string; address: string };

/**
 * The users in these groups, through nested groups too (Graph's transitiveMembers cast to users),
 * following paging, for work in the background (notifications to people who never signed in): two
 * quick retries and a 30 s limit per page (the job queue retries later with backoff). A user without mail
 * is addressed by their UPN, as the portal addresses people it knows from sign-in.
 */
export async function directoryUsersIn(groupIds: readonly string[]): Promise<{ ok: true; users: DirectoryUser[] } | { ok: false; status: number | null }> {
  const users = new Map<string, DirectoryUser>();
  const read = (request: ReturnType<Client["api"]>) => request.middlewareOptions([new RetryHandlerOptions(2, 2)]).option("signal", AbortSignal.timeout(30_000)).get() as Promise<GraphPage & { value?: Array<GraphObject & { mail?: unknown }> }>;
  try {
    for (const groupId of groupIds) {
      let page = await read(graph().api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`).version("v1.0").select("id,displayName,userPrincipalName,mail").top(999));
      for (let pages = 0; pages < 50; pages += 1) {
        for (const raw of page.value ?? []) {
          const principal = principalOf("User", raw);
          const address = typeof raw.mail === "string" && raw.mail !== "" ? raw.mail : principal?.userPrincipalName;
          if (principal && address) users.set(principal.objectId, { objectId: principal.objectId, displayName: principal.displayName, address });
        }
        if (typeof page["@odata.nextLink"] !== "string") break;
        page = await read(graph().api(page["@odata.nextLink"]));
      }
    }
    return { ok: true, users: [...users.values()] };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}
