import "server-only";
import { Client } from "@microsoft/microsoft-graph-client";
import { env } from "@/lib/env";
import { portalCredential } from "./credential";

/**
 * Microsoft Graph, as the portal's identity (application permissions: GroupMember.Read.All,
 * User.Read.All). SDK types stay in this file; callers get plain Clusterdesk shapes.
 */
let client: Client | undefined;

function graph(): Client {
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
 * All groups (transitively) a user belongs to: what the token omits when the user is in more
 * groups than fit in it (the groups-overage claim points at this very endpoint).
 */
export async function memberGroupIdsOf(userObjectId: string): Promise<string[]> {
  const response = (await graph()
    .api(`/users/${encodeURIComponent(userObjectId)}/getMemberObjects`)
    .version("v1.0")
    .post({ securityEnabledOnly: false })) as { value?: unknown };
  return Array.isArray(response.value) ? response.value.filter((id): id is string => typeof id === "string") : [];
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
