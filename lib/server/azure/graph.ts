import "server-only";
import { Client, GraphError, type GraphRequest, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { env } from "@/lib/env";
import { portalCredential } from "./credential";

/**
 * Microsoft Graph, as the portal's identity (application permissions: GroupMember.Read.All,
 * User.Read.All). SDK types stay in this file; callers get plain Clusterdesk shapes.
 */
let client: Client | undefined;

export function graph(): Client {
  if (!client) {
    const settings = env();
    const graphUrl = new URL(settings.endpoints.graph);
    client = Client.initWithMiddleware({
      baseUrl: `${graphUrl.origin}/`,
      // The SDK only attaches the token to hosts it knows as Graph; the emulator is one more.
      customHosts: new Set([graphUrl.hostname]),
      authProvider: {
        getAccessToken: async () => {
          const token = await portalCredential().getToken(settings.endpoints.scopes.graph);
          if (!token) throw new Error("No token for Microsoft Graph");
          return token.token;
        },
      },
    });
  }
  return client;
}

/**
 * A person is waiting on these calls (sign-in, a page load): one retry after a second, not the
 * SDK's default of three with backoff from three seconds (Retry-After, when sent, still wins), and
 * an answer within 5 s (two calls stay within a session refresh's 15 s claim).
 */
export const interactive = (request: GraphRequest) =>
  request.middlewareOptions([new RetryHandlerOptions(1, 1)]).option("signal", AbortSignal.timeout(5_000));

/** Graph's HTTP status for a failed call, or null when no answer came (network, token). */
export const statusOf = (error: unknown): number | null => (error instanceof GraphError && error.statusCode > 0 ? error.statusCode : null);

export type MemberGroups = { ok: true; groupIds: string[] } | { ok: false; status: number | null };

/**
 * All groups (transitively) a user belongs to: what the token omits when the user is in more
 * groups than fit in it (the groups-overage claim points at this very endpoint).
 */
export async function memberGroupIdsOf(userObjectId: string): Promise<MemberGroups> {
  try {
    const response = (await interactive(graph().api(`/users/${encodeURIComponent(userObjectId)}/getMemberObjects`).version("v1.0")).post({
      securityEnabledOnly: false,
    })) as { value?: unknown };
    const groupIds = Array.isArray(response.value) ? response.value.filter((id): id is string => typeof id === "string") : [];
    return { ok: true, groupIds };
  } catch (error) {
    return { ok: false, status: statusOf(error) };
  }
}

export type DirectoryAccount =
  | { state: "active"; groupIds: string[] }
  | { state: "disabled" }
  | { state: "deleted" }
  | { state: "unavailable"; status: number | null };

/** Whether the user still exists and may sign in, and if so their groups, as the directory says now. */
export async function directoryAccountOf(userObjectId: string): Promise<DirectoryAccount> {
  try {
    const user = (await interactive(graph().api(`/users/${encodeURIComponent(userObjectId)}`).version("v1.0").select("id,accountEnabled")).get()) as {
      accountEnabled?: unknown;
    };
    if (user.accountEnabled === false) return { state: "disabled" };
  } catch (error) {
    const status = statusOf(error);
    return status === 404 ? { state: "deleted" } : { state: "unavailable", status };
  }
  const groups = await memberGroupIdsOf(userObjectId);
  // Deleted between the two calls: Graph answers 404 for the membership function too.
  if (!groups.ok) return groups.status === 404 ? { state: "deleted" } : { state: "unavailable", status: groups.status };
  return { state: "active", groupIds: groups.groupIds };
}

/** Display names of groups by object id; ids Graph does not know are left out. */
export async function groupDisplayNames(groupIds: readonly string[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  // Graph's `in` filter accepts at most 15 values per clause.
  for (let start = 0; start < groupIds.length; start += 15) {
    const ids = groupIds.slice(start, start + 15).map((id) => `'${id.replace(/'/g, "''")}'`);
    const response = (await graph()
      .api("/groups")
      .version("v1.0")
      .filter(`id in (${ids.join(",")})`)
      .select("id,displayName")
      .get()) as { value?: Array<{ id?: unknown; displayName?: unknown }> };
    for (const group of response.value ?? []) {
      if (typeof group.id === "string" && typeof group.displayName === "string") names[group.id.toLowerCase()] = group.displayName;
    }
  }
  return names;
}
