import { redirect, sendHtml, sendJson, type Exchange } from "../http/exchange";
import type { EmulatorState } from "../state";
import { completeSignIn, showSignIn, type AuthorizeContext } from "./authorize";
import type { SigningKey } from "./signing-key";
import { sendInstanceDiscovery } from "./instance-discovery";
import { handleToken, type TokenEndpointContext } from "./token-endpoint";
import { sendOAuthError } from "./oauth-errors";

/** Entra ID v2 endpoints under /{tenant}/…; `organizations` and `common` resolve to the one tenant. */
export type EntraContext = AuthorizeContext & TokenEndpointContext & { key: SigningKey; baseUrl: () => string };

const route = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|oauth2\/v2\.0\/(?:authorize|token|logout)|discovery\/v2\.0\/keys|discovery\/instance|discovery\/keys)$/;

export function isEntraPath(path: string): boolean {
  return route.test(path);
}

export function openIdConfiguration(baseUrl: string, tenantId: string) {
  const base = `${baseUrl}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

export async function handleEntra(exchange: Exchange, context: EntraContext): Promise<void> {
  const match = route.exec(exchange.path);
  const tenant = (match?.[1] ?? "").toLowerCase();
  const endpoint = match?.[2] ?? "";
  const state: EmulatorState = context.state();
  const baseUrl = context.baseUrl();
  if (![state.tenantId, "organizations", "common", state.tenantDomain].includes(tenant)) {
    return sendOAuthError(exchange, 400, "invalid_tenant", 90002, `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  if (endpoint.endsWith("openid-configuration")) return sendJson(exchange, 200, openIdConfiguration(baseUrl, state.tenantId));
  if (endpoint.endsWith("keys")) return sendJson(exchange, 200, { keys: [{ ...context.key.publicJwk, x5t: context.key.kid, issuer: `${baseUrl}/${state.tenantId}/v2.0` }] });
  if (endpoint === "discovery/instance") return sendInstanceDiscovery(exchange, baseUrl);
  if (endpoint.endsWith("authorize")) {
    if (exchange.method === "POST") return completeSignIn(exchange, context);
    return showSignIn(exchange, context);
  }
  if (endpoint.endsWith("token")) {
    if (exchange.method !== "POST") return sendOAuthError(exchange, 400, "invalid_request", 900561, "AADSTS900561: The endpoint only accepts POST requests.");
    return handleToken(exchange, context);
  }
  const target = exchange.url.searchParams.get("post_logout_redirect_uri");
  if (target) {
    const url = new URL(target);
    const stateParam = exchange.url.searchParams.get("state");
    if (stateParam) url.searchParams.set("state", stateParam);
    return redirect(exchange, url.toString());
  }
  sendHtml(exchange, 200, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><main><h1>You signed out of your account</h1><p>It\'s a good idea to close all browser windows.</p></main></body></html>');
}
