import { sendJson, type Exchange } from "../http/exchange";
import { demoServicePrincipals } from "../seed/organisation";
import { resolveResource } from "./audiences";
import { emulatorResourceIds } from "./instance-discovery";
import type { TokenEndpointContext } from "./token-endpoint";

/**
 * The managed identity endpoint of the host the client runs on (IMDS's path,
 * `/metadata/identity/oauth2/token`), so that `az login --identity` with `MSI_ENDPOINT` set signs in
 * without the public login host. msrestazure's get_msi_token POSTs a form with `resource`; IMDS takes
 * query parameters on a GET; both are served. The host's system-assigned identity is Clusterdesk's
 * service principal, which holds Contributor and User Access Administrator on the demo subscriptions.
 * Answers follow learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token.
 */
export const managedIdentityPath = "/metadata/identity/oauth2/token";

export function isManagedIdentityPath(path: string): boolean {
  return path.replace(/\/$/, "").toLowerCase() === managedIdentityPath;
}

const refuse = (exchange: Exchange, error: string, description: string) =>
  sendJson(exchange, 400, { error, error_description: description }, { "cache-control": "no-store" });

async function parameters(exchange: Exchange): Promise<URLSearchParams> {
  const merged = new URLSearchParams(exchange.url.searchParams);
  if (exchange.method === "POST") new URLSearchParams(await exchange.body()).forEach((value, key) => merged.set(key, value));
  return merged;
}

export async function handleManagedIdentity(exchange: Exchange, context: TokenEndpointContext): Promise<void> {
  if (exchange.method !== "GET" && exchange.method !== "POST") return refuse(exchange, "invalid_request", `The method '${exchange.method}' is not supported.`);
  // The header is IMDS's guard against server-side request forgery: a redirected request lacks it.
  if (exchange.header("metadata") !== "true") return refuse(exchange, "invalid_request", "Required metadata header not specified");
  const form = await parameters(exchange);
  const resource = form.get("resource");
  if (!resource) return refuse(exchange, "invalid_request", "Required query variable 'resource' is missing");
  const identity = context.state().servicePrincipals.find((candidate) => candidate.id === demoServicePrincipals.clusterdesk.id);
  const asked = { client_id: identity?.appId, object_id: identity?.id, msi_res_id: undefined };
  const wrongIdentity = Object.entries(asked).some(([name, own]) => form.has(name) && form.get(name)?.toLowerCase() !== own);
  if (!identity || wrongIdentity) return refuse(exchange, "invalid_request", "Identity not found");
  const customCloud = Object.fromEntries(emulatorResourceIds(context.baseUrl()).map((id) => [id, id]));
  const known = resolveResource(`${resource.replace(/\/+$/, "")}/.default`, customCloud);
  if (!known.ok) return refuse(exchange, known.error, known.description);
  // Like Entra v1 tokens (which IMDS issues), the audience is the resource exactly as requested.
  const accessToken = await context.tokens.accessToken({ kind: "app", servicePrincipal: identity }, resource, identity.appId, []);
  const now = Math.floor(Date.now() / 1000);
  const lifetime = context.tokens.lifetimeSeconds;
  sendJson(exchange, 200, {
    access_token: accessToken, client_id: identity.appId, expires_in: String(lifetime), expires_on: String(now + lifetime),
    ext_expires_in: String(lifetime), not_before: String(now), resource, token_type: "Bearer",
  }, { "cache-control": "no-store" });
}
