import "server-only";
import { graph, interactive } from "./graph";

/** A principal as the access cache names it; `null` from the lookups below: Graph does not know it (deleted). */
export type NamedPrincipal = {
  objectId: string;
  type: "User" | "Group" | "ServicePrincipal";
  displayName: string;
  userPrincipalName: string | null;
  /** Direct members, for groups; null when Graph did not count them. */
  memberCount: number | null;
};

type RawObject = { "@odata.type"?: unknown; id?: unknown; displayName?: unknown; userPrincipalName?: unknown };

const typeOf = (raw: RawObject): NamedPrincipal["type"] | null =>
  raw["@odata.type"] === "#microsoft.graph.user" ? "User" : raw["@odata.type"] === "#microsoft.graph.group" ? "Group" : raw["@odata.type"] === "#microsoft.graph.servicePrincipal" ? "ServicePrincipal" : null;

function namedOf(raw: RawObject, fallbackType?: NamedPrincipal["type"]): NamedPrincipal | null {
  const type = typeOf(raw) ?? fallbackType ?? null;
  if (!type || typeof raw.id !== "string") return null;
  return {
    objectId: raw.id.toLowerCase(),
    type,
    displayName: typeof raw.displayName === "string" ? raw.displayName : raw.id,
    userPrincipalName: type === "User" && typeof raw.userPrincipalName === "string" ? raw.userPrincipalName : null,
    memberCount: null,
  };
}

/**
 * Users, groups and service principals by object id, 1,000 per call (Graph's limit), with
 * `directoryObjects/getByIds`: https://learn.microsoft.com/graph/api/directoryobject-getbyids
 * Ids Graph leaves out are deleted (or never existed). Throws when Graph does not answer.
 */
export async function directoryObjectsByIds(ids: readonly string[]): Promise<Map<string, NamedPrincipal>> {
  const found = new Map<string, NamedPrincipal>();
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  for (let start = 0; start < unique.length; start += 1000) {
    const response = (await interactive(graph().api("/directoryObjects/getByIds").version("v1.0")).post({
      ids: unique.slice(start, start + 1000),
      types: ["user", "group", "servicePrincipal"],
    })) as { value?: RawObject[] };
    for (const raw of response.value ?? []) {
      const principal = namedOf(raw);
      if (principal) found.set(principal.objectId, principal);
    }
  }
  return found;
}

/** Users by user principal name (Kubernetes RBAC names users so), 15 per call (Graph's `in` limit); keyed by lower-cased UPN. */
export async function usersByPrincipalNames(names: readonly string[]): Promise<Map<string, NamedPrincipal>> {
  const found = new Map<string, NamedPrincipal>();
  const unique = [...new Set(names)];
  for (let start = 0; start < unique.length; start += 15) {
    const quoted = unique.slice(start, start + 15).map((name) => `'${name.replace(/'/g, "''")}'`);
    const response = (await interactive(graph().api("/users").version("v1.0").filter(`userPrincipalName in (${quoted.join(",")})`).select("id,displayName,userPrincipalName")).get()) as {
      value?: RawObject[];
    };
    for (const raw of response.value ?? []) {
      const principal = namedOf(raw, "User");
      if (principal?.userPrincipalName) found.set(principal.userPrincipalName.toLowerCase(), principal);
    }
  }
  return found;
}

