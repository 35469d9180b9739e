import { aksServerApplicationId } from "../contracts";

/**
 * Which resource (token audience) a scope string asks for. Entra issues a token for one resource per
 * request; scopes without a resource prefix (`User.Read`) and pure OIDC scopes mean Microsoft Graph.
 */
export const audiences = {
  resourceManager: "https://management.azure.com",
  graph: "https://graph.microsoft.com",
  aks: aksServerApplicationId,
} as const;

const oidcScopes = new Set(["openid", "profile", "offline_access", "email"]);
const resourceAliases: Record<string, string> = {
  "https://management.azure.com": audiences.resourceManager,
  "https://management.core.windows.net": audiences.resourceManager,
  "https://graph.microsoft.com": audiences.graph,
  "00000003-0000-0000-c000-000000000000": audiences.graph,
  [aksServerApplicationId]: audiences.aks,
};
const defaultDelegatedScope: Record<string, string> = {
  [audiences.resourceManager]: "user_impersonation",
  [audiences.graph]: "User.Read",
  [audiences.aks]: "user.read",
};

export type ResourceRequest =
  | { ok: true; audience: string; scopes: string[]; delegatedScopes: string[]; isDefault: boolean }
  | { ok: false; error: "invalid_resource" | "invalid_scope"; code: number; description: string };

export function resolveResource(scope: string, extraResources: Record<string, string> = {}): ResourceRequest {
  const requested = scope.split(/\s+/).filter((item) => item && !oidcScopes.has(item.toLowerCase()));
  const parsed = requested.map((item) => {
    const match = /^(.*?)\/+([^/]+)$/.exec(item);
    return match ? { resource: (match[1] ?? "").replace(/\/+$/, ""), name: match[2] ?? "" } : { resource: audiences.graph, name: item };
  });
  const known = { ...resourceAliases, ...extraResources };
  const resources = [...new Set(parsed.map((item) => known[item.resource.replace(/^api:\/\//, "")] ?? known[item.resource] ?? item.resource))];
  if (resources.length > 1) {
    return { ok: false, error: "invalid_scope", code: 28000, description: "AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource." };
  }
  const audience = resources[0] ?? audiences.graph;
  if (!Object.values(known).includes(audience)) {
    return {
      ok: false, error: "invalid_resource", code: 500011,
      description: `AADSTS500011: The resource principal named ${audience} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    };
  }
  const isDefault = parsed.some((item) => item.name === ".default") || parsed.length === 0;
  const delegatedScopes = isDefault ? [defaultDelegatedScope[audience] ?? "user_impersonation"] : parsed.map((item) => item.name);
  return { ok: true, audience, scopes: requested, delegatedScopes, isDefault };
}
