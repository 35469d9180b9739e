import "server-only";
import { type DirectoryPrincipal, findDirectoryPrincipal } from "./directory-principals";
import { graph, interactive, statusOf } from "./graph";

/** A user or group with every group it belongs to, transitively, as Graph says now. */
export type ResolvedPerson = { principal: DirectoryPrincipal; groupIds: string[] };
export type PersonLookup = { ok: true; person: ResolvedPerson | null } | { ok: false; status: number | null };

const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type GraphUser = { id?: unknown; displayName?: unknown; userPrincipalName?: unknown };

const userOf = (raw: GraphUser): DirectoryPrincipal | null =>
  typeof raw.id === "string"
    ? { objectId: raw.id.toLowerCase(), type: "User", displayName: typeof raw.displayName === "string" ? raw.displayName : raw.id, userPrincipalName: typeof raw.userPrincipalName === "string" ? raw.userPrincipalName : null }
    : null;

/** A user by UPN (`/users/{upn}`), or else by e-mail address (`mail eq`), which differs from the UPN for many people. */
async function findUserByName(name: string): Promise<{ ok: true; principal: DirectoryPrincipal | null } | { ok: false; status: number | null }> {
  try {
    return { ok: true, principal: userOf((await interactive(graph().api(`/users/${encodeURIComponent(name)}`).version("v1.0").select("id,displayName,userPrincipalName")).get()) as GraphUser) };
  } catch (error) {
    if (statusOf(error) !== 404) return { ok: false, status: statusOf(error) };
  }
  try {
    const response = (await interactive(
      graph().api("/users").version("v1.0").filter(`mail eq '${name.replace(/'/g, "''")}'`).select("id,displayName,userPrincipalName").top(2),
    ).get()) as { value?: GraphUser[] };
    const found = response.value ?? [];
    // Two accounts with one address cannot be told apart here: ask for the object id instead.
    return { ok: true, principal: found.length === 1 && found[0] ? userOf(found[0]) : null };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}

/**
 * The person to check, from an object id (user or group) or a UPN / e-mail address, with all its
 * groups from `getMemberObjects`. That call has no overage limit: someone in more groups than a token
 * carries still gets every group id, which is what the API server must be told about.
 */
export async function resolvePerson(input: string): Promise<PersonLookup> {
  const lookup = objectIdPattern.test(input) ? await findDirectoryPrincipal(input.toLowerCase()) : await findUserByName(input);
  if (!lookup.ok) return lookup;
  if (!lookup.principal) return { ok: true, person: null };
  const principal = lookup.principal;
  const collection = principal.type === "User" ? "users" : "groups";
  try {
    const response = (await interactive(graph().api(`/${collection}/${encodeURIComponent(principal.objectId)}/getMemberObjects`).version("v1.0")).post({ securityEnabledOnly: false })) as { value?: unknown };
    const ids = Array.isArray(response.value) ? response.value.filter((id): id is string => typeof id === "string").map((id) => id.toLowerCase()) : [];
    return { ok: true, person: { principal, groupIds: ids } };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}
